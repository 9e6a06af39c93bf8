// The service item editor: one antd Form over every element of ServiceItemContent.
import type { ReactNode } from 'react';
import { Alert, Form, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../../api/client.ts';
import type { Meta, ServiceItemContent } from '../../api/types.ts';
import { BasicSection, HandlingSection } from './sections-basic.tsx';
import { MaterialsSection } from './sections-materials.tsx';
import { FeesSection, StepsSection, WindowsSection } from './sections-process.tsx';
import { ConditionsSection, ContactsResultSection, OtherSection } from './sections-other.tsx';

interface Props {
  form: FormInstance;
  initial: ServiceItemContent;
  meta: Meta;
  /** office codes this person may assign the item to; null = any */
  departmentCodes: string[] | null;
  disabled: boolean;
  unplaced: FieldProblem[];
  onChange?: () => void;
  /** extra fields above the content (the code of a new item) */
  header?: ReactNode;
}

export function ItemEditor({ form, initial, meta, departmentCodes, disabled, unplaced, onChange, header }: Props) {
  const { t } = useTranslation();
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      disabled={disabled}
      onValuesChange={onChange}
      scrollToFirstError={{ block: 'center' }}
      requiredMark
    >
      {unplaced.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="form-alert"
          title={t('editor.otherProblems')}
          description={<ul>{unplaced.map((e, i) => <li key={i}><code>{e.path}</code> {e.message}</li>)}</ul>}
        />
      )}
      {header}
      <BasicSection meta={meta} departmentCodes={departmentCodes} />
      <HandlingSection />
      <ConditionsSection disabled={disabled} />
      <MaterialsSection disabled={disabled} />
      <StepsSection disabled={disabled} />
      <FeesSection disabled={disabled} />
      <WindowsSection meta={meta} disabled={disabled} />
      <ContactsResultSection />
      <OtherSection disabled={disabled} />
    </Form>
  );
}

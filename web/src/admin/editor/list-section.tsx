// A repeating part of the editor (materials, steps, fees …): numbered entries with move / remove, and Add.
import type { ReactNode } from 'react';
import { Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';

export interface ListEntry { key: number; name: number }

export function ListSection({ name, itemLabel, newItem, disabled, renderItem, hint }: {
  name: string;
  itemLabel: string;
  newItem: () => unknown;
  disabled?: boolean;
  hint?: string;
  renderItem: (field: ListEntry) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(fields, { add, remove, move }, { errors }) => (
        <>
          {fields.length === 0 && hint && <p className="muted">{hint}</p>}
          {fields.map((field, index) => (
            <div key={field.key} className="list-entry">
              <div className="list-entry-head">
                <h3 className="list-entry-title">{itemLabel} {index + 1}</h3>
                {!disabled && (
                  <span>
                    <Button size="small" type="text" disabled={index === 0} onClick={() => move(index, index - 1)}
                      aria-label={`${t('editor.moveUp')} ${itemLabel} ${index + 1}`}>↑</Button>
                    <Button size="small" type="text" disabled={index === fields.length - 1} onClick={() => move(index, index + 1)}
                      aria-label={`${t('editor.moveDown')} ${itemLabel} ${index + 1}`}>↓</Button>
                    <Button size="small" danger type="text" onClick={() => remove(index)}>
                      {t('editor.remove')}<span className="sr-only"> {itemLabel} {index + 1}</span>
                    </Button>
                  </span>
                )}
              </div>
              {renderItem({ key: field.key, name: field.name })}
            </div>
          ))}
          <div id={`${name}-errors`} role="alert"><Form.ErrorList errors={errors} /></div>
          {!disabled && (
            <Button type="dashed" block onClick={() => add(newItem())}>
              + {t('editor.add')} {itemLabel}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}

// Validate the editor, send the content, and put any server problems back on the fields.
import { useState } from 'react';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemError, errorText, type FieldProblem } from '../api/client.ts';
import type { ServiceItemContent } from '../api/types.ts';
import { placeFieldErrors, toContent } from './editor/content-form.ts';
import { useMessage } from '../state/feedback.tsx';

/** Returns `send(form)`: validates, calls `post(content)`, reports; resolves true on success. */
export function useSendContent<T>(post: (content: ServiceItemContent) => Promise<T>) {
  const { t } = useTranslation();
  const message = useMessage();
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const [pending, setPending] = useState(false);

  const send = async (form: FormInstance, okText: string): Promise<T | null> => {
    setUnplaced([]);
    try {
      await form.validateFields();
    } catch {
      void message.error(t('editor.invalid'));
      return null;
    }
    setPending(true);
    try {
      const out = await post(toContent(form.getFieldsValue(true)));
      void message.success(okText);
      return out;
    } catch (err) {
      if (err instanceof ProblemError && err.errors.length > 0) setUnplaced(placeFieldErrors(form, err.errors));
      void message.error(errorText(err));
      return null;
    } finally {
      setPending(false);
    }
  };
  return { send, unplaced, pending };
}

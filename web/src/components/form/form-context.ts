// What a field control may need beyond its value: the service it belongs to (uploads are checked against
// the service's form) and, on a submitted case, the case id (files are previewed through the case).
import { createContext, useContext } from 'react';

export interface FormContextValue { service: string; caseId?: string }

export const FormContext = createContext<FormContextValue>({ service: '' });

export function useFormContext(): FormContextValue {
  return useContext(FormContext);
}

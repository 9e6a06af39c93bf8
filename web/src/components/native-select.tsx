// A styled native <select>: accessible and phone-friendly, and far lighter than antd Select for the portal.
import type { ChangeEvent } from 'react';

export interface Option { value: string; label: string }

export function NativeSelect({ id, value, options, onChange, className }: {
  id: string; value: string; options: Option[]; onChange: (value: string) => void; className?: string;
}) {
  return (
    <select
      id={id}
      className={className ? `native-select ${className}` : 'native-select'}
      value={value}
      onChange={(e: ChangeEvent<HTMLSelectElement>) => onChange(e.target.value)}
    >
      {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
    </select>
  );
}

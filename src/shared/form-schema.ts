/**
 * The subset of JSON Schema (draft 2020-12) that item application forms (申请表) use, with the `x-ui` hints
 * the web renders. The catalog stores forms in this shape; the server validates submissions against the
 * full schema, the web validates the same subset field by field so the applicant sees errors as they type.
 */

/** Where a field can be filled in from the logged-in user's profile (自动填充). */
export const PREFILL_KEYS = ['person.name', 'person.idCard', 'person.phone', 'enterprise.name', 'enterprise.uscc'] as const;
export type PrefillKey = (typeof PREFILL_KEYS)[number];

/** Rendering hints. Unknown hints are ignored so the catalog can add new ones without breaking older clients. */
export interface UiHints {
  /** textarea | select | radio | date | idCard | uscc | phone | hidden … (default chosen from the type). */
  widget?: string;
  /** Help text shown under the field and read by screen readers (aria-describedby). */
  help?: string;
  placeholder?: string;
  prefill?: PrefillKey;
  /** Display order within the parent object; fields without it keep their declaration order. */
  order?: number;
  /** Labels for enum values when they differ from the values themselves. */
  enumNames?: string[];
  readonly?: boolean;
}

export interface FormSchema {
  type?: 'object' | 'string' | 'number' | 'integer' | 'boolean' | 'array';
  title?: string;
  description?: string;
  properties?: Record<string, FormSchema>;
  required?: string[];
  enum?: (string | number)[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
  items?: FormSchema;
  'x-ui'?: UiHints;
  /** Personal data (个人信息): masked when shown to others. */
  'x-pii'?: boolean | string;
  [other: string]: unknown;
}

/** A form's values: nested objects keyed like the schema. */
export type FormData = Record<string, unknown>;

export { Field, type FieldProps } from './field';
export { SelectField, type SelectFieldProps, type SelectOption } from './select-field';
export { SubmitButton, buttonClass, type ButtonVariant, type SubmitButtonProps } from './submit-button';
export { ActionFeedback, FormError, FormMessage } from './form-status';
export type { FieldError } from './field-parts';
export { formText } from './form-text';

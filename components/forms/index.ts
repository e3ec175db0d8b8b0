export { Field, type FieldProps } from './field';
export { SelectField, type SelectFieldProps, type SelectOption } from './select-field';
export { SubmitButton, type SubmitButtonProps } from './submit-button';
export { buttonClass, type ButtonVariant } from './button-class';
export { ActionFeedback, FormError, FormMessage } from './form-status';
export type { FieldError } from './field-parts';
export { formText } from './form-text';

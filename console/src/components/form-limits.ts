// The API's own field limits, so every input stops where the server would refuse.
export { FORM_LIMITS } from '../../../server/src/shared/forms/form-limits';

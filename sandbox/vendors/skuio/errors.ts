import { HttpError } from '../../core/http-error';

/** Laravel's validation answer: 422 `{message, errors: {field: [message]}}`. */
export function unprocessable(field: string, message: string): never {
	throw new HttpError(422, message, { details: { errors: { [field]: [message] } } });
}

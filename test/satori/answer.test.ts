import { errorInSatoriSuccess, processCodeOf, readAnswer, satoriErrorDetail } from '../../nodes/Satori/transport/answer';

/** The shapes SATORI answers in (spec §5.4, §6), read in one place. */
test('process_code is found in body, in an object message, or at the top level', () => {
	expect(processCodeOf({ status: 202, message: 'Accepted', body: { process_code: 'a' } })).toBe('a');
	expect(processCodeOf({ status: 202, message: { process_code: 'b' } })).toBe('b');
	expect(processCodeOf({ status: 202, process_code: 'c' })).toBe('c');
	expect(processCodeOf('{"status":202,"body":{"process_code":"d"}}')).toBe('d');
	expect(processCodeOf({ status: 202, message: 'Accepted' })).toBeUndefined();
});

test('message may be text or an object; the data is body, else the object message, else the top level', () => {
	expect(readAnswer({ status: 200, message: 'OK' })).toEqual({
		status: 200,
		message: 'OK',
		payload: { status: 200, message: 'OK' },
	});
	expect(readAnswer({ status: '200', message: { 'customer[hashcode]': 'h' } })).toEqual({
		status: 200,
		message: undefined,
		payload: { 'customer[hashcode]': 'h' },
	});
	expect(readAnswer({ status: 200, message: 'OK', body: { process_status: 'finished' } }).payload).toEqual({
		process_status: 'finished',
	});
	expect(readAnswer('<html>')).toEqual({ payload: {} });
});

test('an error is any body status outside 2xx, whatever the HTTP status; object messages are spelled out', () => {
	expect(errorInSatoriSuccess({ status: 202, message: 'Accepted' })).toBeUndefined();
	expect(errorInSatoriSuccess({ message: 'no status at all' })).toBeUndefined();
	expect(errorInSatoriSuccess({ status: 403, message: '権限がありません。' })).toEqual({
		message: '権限がありません。',
		status: 403,
	});
	expect(errorInSatoriSuccess({ status: 429, message: 'busy' })).toEqual({ message: 'busy', status: 429, throttled: true });
	expect(satoriErrorDetail({ status: 400, message: { email: ['形式が正しくありません'], last_name: '長すぎます' } })).toEqual({
		message: 'email: 形式が正しくありません / last_name: 長すぎます',
		status: 400,
	});
	expect(satoriErrorDetail({ status: 500 })).toEqual({ message: 'status 500', status: 500 });
});

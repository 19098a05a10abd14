import { crypto } from '../../platform/node';
import { serveDuringTests } from '../../kit/lifecycle';
import { Simulator } from '../../kit/simulator';
import { CONTACT_FORM_BODY, SatoriFormWebhook } from './form-webhook';

/** The sender posts what a SATORI form webhook posts: the configured JSON body and headers. */
const receiver = serveDuringTests(new Simulator('receiver'));
receiver.route('POST', '/hook', () => ({ body: { message: 'Workflow was started' } }));

test('one JSON POST per submission with the form values filled in and the chosen headers', async () => {
	const shared = crypto.randomBytes(16).toString('hex');
	const webhook = new SatoriFormWebhook({
		url: `${receiver.url}/hook`,
		headers: { 'X-Satori-Secret': shared },
		body: CONTACT_FORM_BODY,
	});
	const answer = await webhook.submit({ email: 'taro@example.jp', last_name: '山田', first_name: '太郎' });
	expect(answer.status).toBe(200);
	const [sent] = receiver.received({ method: 'POST', path: '/hook' });
	expect(sent.headers['content-type']).toBe('application/json');
	expect(sent.headers['x-satori-secret']).toBe(shared);
	expect(sent.body).toEqual({
		email: 'taro@example.jp',
		last_name: '山田',
		first_name: '太郎',
		company: '',
		phone: '',
		inquiry: '',
		form: 'お問い合わせフォーム',
	});
	expect(webhook.history).toEqual([
		expect.objectContaining({ status: 200, request: sent.body }),
	]);
});

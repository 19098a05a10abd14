import { DateTime } from 'luxon';

import { fromCyzenTime, withIsoTimes } from '../../nodes/Cyzen/transport/times';

// cyzen writes UTC without a suffix; the node writes ISO 8601 in UTC or in Japan time.
const samples = ['2026-01-01T00:00:00', '2026-06-30T15:00:00', '2026-12-31T23:59:59', '2024-02-29T12:34:56'];

test.each(samples)('%s reads as that UTC instant and writes as Asia/Tokyo would', (text) => {
	const expected = DateTime.fromFormat(text, "yyyy-MM-dd'T'HH:mm:ss", { zone: 'UTC' });
	expect(fromCyzenTime(text)?.toMillis()).toBe(expected.toMillis());
	expect(withIsoTimes({ t: text }, 'UTC')).toEqual({ t: `${text}Z` });
	expect(withIsoTimes({ t: text }, 'Asia/Tokyo')).toEqual({
		t: expected.setZone('Asia/Tokyo').toISO({ suppressMilliseconds: true }),
	});
});

test('anything that is not a cyzen timestamp stays as it is', () => {
	for (const text of ['2026-02-30T00:00:00', '2026-10-08 08:48:27', '2026-10-08T08:48:27Z', '20261008']) {
		expect(fromCyzenTime(text)).toBeUndefined();
		expect(withIsoTimes({ t: text }, 'Asia/Tokyo')).toEqual({ t: text });
	}
	expect(withIsoTimes({ nested: [{ at: '2026-10-08T08:48:27' }], n: 1 }, 'UTC')).toEqual({
		nested: [{ at: '2026-10-08T08:48:27Z' }],
		n: 1,
	});
});

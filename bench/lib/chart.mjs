// Hand-written SVG: requests per second at the simulator over time, one line per variant (solid:
// accepted, dotted: answered 429, or 503 for cyzen), against the vendor's sustained limit (dashed red) and burst.
const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#9467bd', '#8c564b'];
const W = 720;
const H = 300;
const M = { left: 48, right: 16, top: 28, bottom: 40 };

const esc = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A "nice" axis maximum and step: 1, 2 or 5 × 10^n. */
function niceStep(max, ticks = 5) {
	const raw = max / ticks;
	const magnitude = 10 ** Math.floor(Math.log10(raw));
	const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw);
	return { step, top: Math.ceil(max / step) * step };
}

/**
 * `series`: [{ label, perSecond: [{ second, accepted, rejected429 }] }]; `limit`: the vendor's
 * sustained rate (req/s) or undefined when the run had none.
 */
export function requestsPerSecondSvg({ title, series, limit }) {
	const seconds = Math.max(1, ...series.map((s) => s.perSecond.length));
	const peak = Math.max(limit ?? 0, 1, ...series.flatMap((s) => s.perSecond.map((p) => Math.max(p.accepted, p.rejected429))));
	const y = niceStep(peak);
	const x = niceStep(seconds, 8);
	const px = (second) => M.left + (second / x.top) * (W - M.left - M.right);
	const py = (rate) => H - M.bottom - (rate / y.top) * (H - M.top - M.bottom);
	const out = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H + 18 * series.length}" viewBox="0 0 ${W} ${H + 18 * series.length}" font-family="sans-serif" font-size="11">`,
		`<rect width="100%" height="100%" fill="#fff"/>`,
		`<text x="${M.left}" y="16" font-size="13" font-weight="bold">${esc(title)}</text>`,
	];
	for (let v = 0; v <= y.top; v += y.step) {
		out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${py(v)}" y2="${py(v)}" stroke="#eee"/>`);
		out.push(`<text x="${M.left - 4}" y="${py(v) + 4}" text-anchor="end">${v}</text>`);
	}
	for (let s = 0; s <= x.top; s += x.step) out.push(`<text x="${px(s)}" y="${H - M.bottom + 14}" text-anchor="middle">${s}</text>`);
	out.push(`<text x="${(W + M.left) / 2}" y="${H - 8}" text-anchor="middle">seconds from the start of the run</text>`);
	out.push(`<text x="12" y="${(H - M.bottom + M.top) / 2}" transform="rotate(-90 12 ${(H - M.bottom + M.top) / 2})" text-anchor="middle">requests / s</text>`);
	out.push(`<line x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${H - M.bottom}" stroke="#333"/>`);
	out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" stroke="#333"/>`);
	if (limit !== undefined) {
		out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${py(limit)}" y2="${py(limit)}" stroke="#d62728" stroke-dasharray="6 3"/>`);
		out.push(`<text x="${W - M.right}" y="${py(limit) - 4}" text-anchor="end" fill="#d62728">vendor limit ${limit} req/s</text>`);
	}
	series.forEach((s, i) => {
		const color = COLORS[i % COLORS.length];
		const line = (key) => s.perSecond.map((p) => `${px(p.second + 0.5).toFixed(1)},${py(p[key]).toFixed(1)}`).join(' ');
		out.push(`<polyline fill="none" stroke="${color}" stroke-width="1.6" points="${line('accepted')}"/>`);
		if (s.perSecond.some((p) => p.rejected429 > 0)) {
			out.push(`<polyline fill="none" stroke="${color}" stroke-width="1.2" stroke-dasharray="2 2" points="${line('rejected429')}"/>`);
		}
		const ly = H + 14 + 18 * i;
		out.push(`<line x1="${M.left}" x2="${M.left + 24}" y1="${ly - 4}" y2="${ly - 4}" stroke="${color}" stroke-width="2"/>`);
		out.push(`<text x="${M.left + 30}" y="${ly}">${esc(s.label)} (solid: accepted, dotted: 429 / 503)</text>`);
	});
	out.push('</svg>', '');
	return out.join('\n');
}

/** Per-second counts of `requests` (simulator log entries) from `from` to `to` (ms). */
export function perSecond(requests, from, to) {
	const seconds = Math.max(1, Math.ceil((to - from) / 1000));
	const slots = Array.from({ length: seconds }, (_, second) => ({ second, accepted: 0, rejected429: 0 }));
	for (const r of requests) {
		const slot = slots[Math.min(seconds - 1, Math.max(0, Math.floor((r.at - from) / 1000)))];
		// cyzen refuses with 503 where the others answer 429: both are refusals of the vendor's limit.
		if (r.status === 429 || r.status === 503) slot.rejected429 += 1;
		else slot.accepted += 1;
	}
	return slots;
}

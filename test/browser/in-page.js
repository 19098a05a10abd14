'use strict';
// Functions that run inside the n8n editor page (puppeteer serialises them): browser JavaScript,
// kept out of the TypeScript tests, whose compiler knows Node's globals, not the DOM's.

/** The trimmed text of every visible element matching `selector`. */
function visibleTexts(selector) {
	return [...document.querySelectorAll(selector)]
		.filter((el) => el.offsetParent !== null || el.getClientRects().length > 0)
		.map((el) => el.innerText.replace(/\s+/g, ' ').trim());
}

/**
 * For every node on the canvas: whether the point at its centre shows the node itself, and which
 * sticky notes' boxes overlap its box.
 */
function canvasCoverage() {
	const boxes = (selector) => [...document.querySelectorAll(selector)].map((el) => ({ el, box: el.getBoundingClientRect() }));
	const stickies = boxes('[data-test-id="sticky"]');
	return boxes('[data-test-id="canvas-node"]')
		.filter(({ el }) => !el.querySelector('[data-test-id="sticky"]') && !el.closest('[data-test-id="sticky"]'))
		.map(({ el, box }) => {
			const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
			const overlapping = stickies.filter(
				({ box: s }) => s.left < box.right && box.left < s.right && s.top < box.bottom && box.top < s.bottom,
			);
			return { name: el.getAttribute('data-node-name'), visible: Boolean(hit && el.contains(hit)), overlappingStickies: overlapping.length };
		});
}

/**
 * Whether a click at the centre of the element matching `selector` reaches that element: it is
 * laid out and nothing (an overlay fading out, a toast) lies over that point.
 */
function takesClickAtCentre(selector) {
	const el = document.querySelector(selector);
	if (!el || el.getClientRects().length === 0) return false;
	const box = el.getBoundingClientRect();
	const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
	return Boolean(hit && el.contains(hit));
}

module.exports = { visibleTexts, canvasCoverage, takesClickAtCentre };

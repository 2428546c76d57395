// Building page elements from text. `el()` is the only way the self-assessment's scripts make
// elements: text goes in through textContent, never as HTML, and only the attributes listed in
// ATTRIBUTES can be set (anything else throws), so no event handler, style or URL-bearing
// attribute can slip in by mistake.

const ATTRIBUTES = new Set([
  "aria-describedby",
  "aria-hidden",
  "aria-label",
  "aria-labelledby",
  "class",
  "download",
  "for",
  "href",
  "id",
  "maxlength",
  "name",
  "role",
  "rows",
  "scope",
  "tabindex",
  "type",
  "value",
]);

// `props`: attributes by name, plus `text` (the element's text) and `dataset` (data-*
// attributes by their camelCase names). undefined, null and false leave a property out; true
// sets an empty attribute.
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (ATTRIBUTES.has(key)) node.setAttribute(key, value === true ? "" : value);
    else throw new Error(`el(): the attribute "${key}" is not one it may set`);
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

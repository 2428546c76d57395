// Handing a file made on this device to the person: a download of its bytes, never an upload.
import { el } from "./nodes.js";

export const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export function download(blob, name) {
  const anchor = el("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(anchor.href), 1000);
}

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

// Whether this browser can hand a file of `type` to the share sheet (a phone, say).
export function sharesFiles(type, name = "file") {
  return typeof navigator.canShare === "function" && navigator.canShare({ files: [new File([""], name, { type })] });
}

// The file through the share sheet where the browser can share files, downloaded elsewhere:
// "shared", "downloaded", or "cancelled" (the person closed the share sheet).
export async function handOver(bytes, name, type) {
  const file = new File([bytes], name, { type });
  if (sharesFiles(type, name)) {
    try {
      await navigator.share({ files: [file], title: document.title });
      return "shared";
    } catch (error) {
      if (error?.name === "AbortError") return "cancelled";
    }
  }
  download(file, name);
  return "downloaded";
}

// Today's date on this device, as the engine takes it (ISO, local time): the result, the
// documents and their file names are dated with it.
export function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

import JSZip from "jszip";

export interface ReadZip {
  /** Every entry's path, sorted. */
  paths: string[];
  text(path: string): Promise<string>;
  bytes(path: string): Promise<Uint8Array>;
}

/** Opens a zip (a PPTX or XLSX) to read its entries. */
export async function readZip(body: Uint8Array): Promise<ReadZip> {
  const zip = await JSZip.loadAsync(body);
  const entry = (path: string) => {
    const file = zip.file(path);
    if (file === null) throw new Error(`${path} is not in the archive`);
    return file;
  };
  return {
    paths: Object.keys(zip.files).sort(),
    text: (path) => entry(path).async("string"),
    bytes: (path) => entry(path).async("uint8array"),
  };
}

/**
 * Where the SVG text is collected. Pieces are joined into chunks as they come, so a large
 * chart does not keep hundreds of thousands of small strings alive until the end (the
 * garbage collector would copy them all again on every minor collection, which made large
 * charts cost more than linear time).
 */
export class SvgOutput {
  private readonly chunks: string[] = [];
  private pieces: string[] = [];

  push(...pieces: string[]): void {
    for (const piece of pieces) this.pieces.push(piece);
    if (this.pieces.length >= CHUNK_PIECES) this.flush();
  }

  toString(): string {
    this.flush();
    return this.chunks.join("");
  }

  private flush(): void {
    if (this.pieces.length === 0) return;
    this.chunks.push(this.pieces.join(""));
    this.pieces = [];
  }
}

const CHUNK_PIECES = 4096;

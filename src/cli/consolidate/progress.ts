// A progress line per file while consolidating, only on a terminal (never in pipes or --json).
export interface Progress {
  step(done: number, total: number, file: string, note: string): void;
  end(): void;
}

const silent: Progress = { step: () => undefined, end: () => undefined };

/** Progress on stderr when it is a TTY: "[12/30] SNV-2023.xlsx: đã kiểm tra". */
export function progressFor(stream: NodeJS.WriteStream, enabled: boolean): Progress {
  if (!enabled || !stream.isTTY) return silent;
  let width = 0;
  return {
    step(done, total, file, note) {
      const line = `[${done}/${total}] ${file}: ${note}`;
      const cols = stream.columns || 100;
      const shown = line.length > cols - 1 ? line.slice(0, cols - 2) + "…" : line;
      stream.write(`\r${shown.padEnd(width)}`);
      width = shown.length;
    },
    end() {
      if (width) stream.write("\n");
    },
  };
}

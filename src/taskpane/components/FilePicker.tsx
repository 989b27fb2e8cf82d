// A file picker in the taskpane's own words (not the browser's "Choose File / No file chosen"): a
// button, a drop zone, and — for several files — the list picked so far with remove and clear. Each
// pick adds to the list, so files from two folders can be combined.
import { Button, Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useId, useRef, useState } from "react";
import { useT } from "../i18n";
import { readPickedFiles, type PickedFile } from "../ops";

const useStyles = makeStyles({
  zone: {
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    padding: "8px",
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  over: { backgroundColor: tokens.colorBrandBackground2, border: `1px dashed ${tokens.colorBrandStroke1}` },
  hint: { color: tokens.colorNeutralForeground3 },
  row: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
  // Kept in the page (tests and assistive tech can reach it) but not shown: the button opens it.
  input: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden" },
  list: { listStyleType: "none", margin: 0, padding: 0, maxHeight: "220px", overflowY: "auto" },
  item: { display: "flex", alignItems: "center", gap: "4px", minWidth: 0 },
  name: { flex: 1, minWidth: 0, overflowWrap: "anywhere", fontSize: tokens.fontSizeBase200 },
});

export interface FilePickerProps {
  /** The button's text, also the input's accessible name. */
  label: string;
  multiple?: boolean;
  onFiles: (files: PickedFile[]) => void;
  /** The files picked so far (several-file pickers show them with remove and clear). */
  files?: readonly PickedFile[];
  onRemove?: (index: number) => void;
  onClear?: () => void;
  disabled?: boolean;
}

export function FilePicker({
  label,
  multiple = false,
  onFiles,
  files,
  onRemove,
  onClear,
  disabled,
}: FilePickerProps) {
  const styles = useStyles();
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [over, setOver] = useState(false);
  // A short list is shown; a long one is folded so results stay near the top.
  const [listOpen, setListOpen] = useState<boolean | null>(null);
  const showList = listOpen ?? (files?.length ?? 0) <= 5;
  const take = async (list: FileList | null) => {
    // Other files are taken too: intake reports them as unreadable rather than hiding them.
    const picked = list ? Array.from(list) : [];
    if (picked.length) onFiles(await readPickedFiles(multiple ? picked : picked.slice(0, 1)));
  };
  return (
    <div
      className={mergeClasses(styles.zone, over && styles.over)}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (!disabled) void take(e.dataTransfer.files);
      }}
    >
      <div className={styles.row}>
        <Button disabled={disabled} onClick={() => input.current?.click()}>
          {label}
        </Button>
        <Caption1 className={styles.hint}>{t("dropHint")}</Caption1>
      </div>
      <input
        ref={input}
        className={styles.input}
        type="file"
        multiple={multiple}
        accept=".xlsx"
        aria-label={label}
        tabIndex={-1}
        disabled={disabled}
        onChange={(e) => {
          void take(e.target.files);
          e.target.value = "";
        }}
      />
      {multiple && files && files.length > 0 && (
        <>
          <div className={styles.row}>
            <Caption1 id={listId}>{t("pickedCount", { n: files.length })}</Caption1>
            <Button
              size="small"
              appearance="subtle"
              aria-expanded={showList}
              onClick={() => setListOpen(!showList)}
            >
              {showList ? t("pickedHide") : t("pickedShow")}
            </Button>
            {onClear && (
              <Button size="small" appearance="subtle" onClick={onClear} disabled={disabled}>
                {t("pickedClear")}
              </Button>
            )}
          </div>
          {showList && (
            <ul className={styles.list} aria-labelledby={listId} tabIndex={0}>
              {files.map((f, i) => (
                <li key={`${f.name}-${i}`} className={styles.item}>
                  <span className={styles.name}>{f.name}</span>
                  {onRemove && (
                    <Button
                      size="small"
                      appearance="subtle"
                      aria-label={t("pickedRemove", { f: f.name })}
                      onClick={() => onRemove(i)}
                      disabled={disabled}
                    >
                      ✕
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

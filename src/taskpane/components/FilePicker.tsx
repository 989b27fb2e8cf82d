// A file input that also takes files dropped on it (Excel's taskpane and the web page alike).
import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { useT } from "../i18n";
import { readPickedFiles, type PickedFile } from "../ops";

const useStyles = makeStyles({
  zone: {
    display: "flex",
    flexDirection: "column",
    gap: "4px",
    padding: "8px",
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  over: { backgroundColor: tokens.colorBrandBackground2, border: `1px dashed ${tokens.colorBrandStroke1}` },
  hint: { color: tokens.colorNeutralForeground3 },
});

export interface FilePickerProps {
  label: string;
  multiple?: boolean;
  onFiles: (files: PickedFile[]) => void;
}

export function FilePicker({ label, multiple = false, onFiles }: FilePickerProps) {
  const styles = useStyles();
  const t = useT();
  const [over, setOver] = useState(false);
  const take = async (list: FileList | null) => {
    // Other files are taken too: intake reports them as unreadable rather than hiding them.
    const files = list ? Array.from(list) : [];
    if (files.length) onFiles(await readPickedFiles(multiple ? files : files.slice(0, 1)));
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
        void take(e.dataTransfer.files);
      }}
    >
      <input
        type="file"
        multiple={multiple}
        accept=".xlsx"
        aria-label={label}
        onChange={(e) => void take(e.target.files)}
      />
      <Caption1 className={styles.hint}>{t("dropHint")}</Caption1>
    </div>
  );
}

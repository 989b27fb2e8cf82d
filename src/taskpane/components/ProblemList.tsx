// Problems grouped by sheet, with severity badges and counts; clicking one selects its cell.
import { Badge, Button, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { A1 } from "../../domain/cell";
import { countBySeverity, type Problem, type Severity } from "../../domain/problem";
import { useLang, useT } from "../i18n";

const useStyles = makeStyles({
  group: { marginTop: "12px" },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  header: { display: "flex", alignItems: "center", gap: "6px", marginBottom: "4px" },
  item: {
    display: "flex",
    alignItems: "flex-start",
    gap: "8px",
    width: "100%",
    justifyContent: "flex-start",
    textAlign: "left",
    padding: "6px 4px",
    fontWeight: tokens.fontWeightRegular,
    minHeight: "auto",
  },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    minWidth: "42px",
    color: tokens.colorNeutralForeground3,
    whiteSpace: "nowrap",
  },
  text: { flex: 1, whiteSpace: "normal" },
});

export const SEVERITY_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

/** Counts by severity as three badges. */
export function SeverityCounts({ problems }: { problems: readonly Problem[] }) {
  const t = useT();
  const c = countBySeverity(problems);
  return (
    <span style={{ display: "inline-flex", gap: 4 }} aria-label="counts">
      <Badge appearance="filled" color="danger">{`${c.error} ${t("errors")}`}</Badge>
      <Badge appearance="filled" color="warning">{`${c.warning} ${t("warnings")}`}</Badge>
      <Badge appearance="tint" color="informative">{`${c.info} ${t("infos")}`}</Badge>
    </span>
  );
}

export interface ProblemListProps {
  problems: readonly Problem[];
  /** Jump to a problem's cell; absent for problems outside the open workbook. */
  onSelect?: (sheet: string, cell: A1) => void;
}

export function ProblemList({ problems, onSelect }: ProblemListProps) {
  const styles = useStyles();
  const t = useT();
  const lang = useLang();
  const groups = new Map<string, Problem[]>();
  for (const p of problems) {
    const k = p.sheet ?? "";
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  return (
    <div>
      {[...groups].map(([sheet, list]) => (
        <section key={sheet} className={styles.group} aria-label={sheet || t("wholeFile")}>
          <div className={styles.header}>
            <Subtitle2>{sheet || t("wholeFile")}</Subtitle2>
            <SeverityCounts problems={list} />
          </div>
          <ul className={styles.list}>
            {list.map((p, i) => (
              <li key={`${p.code}-${p.cell}-${i}`}>
                <Button
                  appearance="subtle"
                  className={styles.item}
                  disabled={!onSelect || !p.sheet || !p.cell}
                  onClick={() => p.sheet && p.cell && onSelect?.(p.sheet, p.cell)}
                  title={p.code}
                >
                  <Badge size="small" appearance="filled" color={SEVERITY_COLOR[p.severity]}>
                    {p.severity === "error" ? "!" : p.severity === "warning" ? "▲" : "i"}
                  </Badge>
                  <span className={styles.cell}>{p.sheet && p.cell ? `${p.sheet}!${p.cell}` : ""}</span>
                  <span className={styles.text}>
                    {lang === "vi" ? p.message_vi : p.message_en}
                    {p.value !== null && p.value !== "" ? (
                      <Caption1>{` — «${String(p.value)}»`}</Caption1>
                    ) : null}
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

// Problems grouped by sheet, with severity counts; repeats of one kind folded into an expandable
// group ("36 nhiệm vụ: …"). A problem with a cell is a button that selects it; one without a cell is
// ordinary text (readable, reachable, never a greyed-out button).
import { Badge, Button, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { A1 } from "../../domain/cell";
import { countBySeverity, type Problem, type Severity } from "../../domain/problem";
import { useLang, useT } from "../i18n";
import { groupHead, groupRepeats, messageOf, valueText } from "../logic/problemView";

const useStyles = makeStyles({
  group: { marginTop: "12px" },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  header: { display: "flex", alignItems: "center", gap: "6px", marginBottom: "4px", flexWrap: "wrap" },
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
    minWidth: 0,
  },
  plain: { ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    color: tokens.colorNeutralForeground3,
    whiteSpace: "nowrap",
  },
  text: { flex: 1, minWidth: 0, whiteSpace: "normal", overflowWrap: "anywhere" },
  more: { padding: "4px 4px 4px 28px" },
  summary: { cursor: "pointer", padding: "6px 4px", overflowWrap: "anywhere" },
});

export const SEVERITY_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

/** Counts by severity as badges; a zero count is neutral, not a red "0 lỗi". */
export function SeverityCounts({ problems }: { problems: readonly Problem[] }) {
  const t = useT();
  const c = countBySeverity(problems);
  const badge = (n: number, sev: Severity, label: string) =>
    n === 0 ? (
      <Badge appearance="outline" color="informative">{`0 ${label}`}</Badge>
    ) : (
      <Badge
        appearance={sev === "info" ? "tint" : "filled"}
        color={SEVERITY_COLOR[sev]}
      >{`${n} ${label}`}</Badge>
    );
  return (
    <span style={{ display: "inline-flex", gap: 4, flexWrap: "wrap" }} data-testid="counts">
      {badge(c.error, "error", t("errors"))}
      {badge(c.warning, "warning", t("warnings"))}
      {badge(c.info, "info", t("infos"))}
    </span>
  );
}

const MARK: Record<Severity, string> = { error: "!", warning: "▲", info: "i" };

export interface ProblemListProps {
  problems: readonly Problem[];
  /** Jump to a problem's cell; absent for problems outside the open workbook. */
  onSelect?: (sheet: string, cell: A1) => void;
}

function ProblemLine({ p, onSelect }: { p: Problem; onSelect?: ProblemListProps["onSelect"] }) {
  const styles = useStyles();
  const lang = useLang();
  const value = valueText(p);
  const body = (
    <>
      <Badge size="small" appearance="filled" color={SEVERITY_COLOR[p.severity]} aria-hidden>
        {MARK[p.severity]}
      </Badge>
      <span className={styles.text}>
        {p.sheet && p.cell && <span className={styles.cell}>{`${p.sheet}!${p.cell} `}</span>}
        {messageOf(p, lang)}
        {value ? <Caption1>{` — «${value}»`}</Caption1> : null}
      </span>
    </>
  );
  if (onSelect && p.sheet && p.cell) {
    const { sheet, cell } = p;
    return (
      <Button appearance="subtle" className={styles.item} onClick={() => onSelect(sheet, cell)}>
        {body}
      </Button>
    );
  }
  return (
    <div className={`${styles.item} ${styles.plain}`} tabIndex={0}>
      {body}
    </div>
  );
}

/** Many problems of one kind as one line that opens: "36 nhiệm vụ: …" (or "36 mục: <the first> (và 35
 * mục tương tự)" for a kind the catalogue does not word). */
export function ProblemGroup({ problems, onSelect }: ProblemListProps) {
  const styles = useStyles();
  const t = useT();
  const lang = useLang();
  const head = groupHead(problems, lang);
  return (
    <details>
      <summary className={styles.summary}>
        <Badge size="small" appearance="filled" color={SEVERITY_COLOR[problems[0].severity]} aria-hidden>
          {MARK[problems[0].severity]}
        </Badge>{" "}
        {head.words ? (
          <>
            {head.text} <Caption1>{t("groupedOpen")}</Caption1>
          </>
        ) : (
          <>
            {t("groupedCount", { n: problems.length })} {head.text}
            {problems.length > 1 && ` ${t("groupedMore", { n: problems.length - 1 })}`}
          </>
        )}
      </summary>
      <ul className={styles.list}>
        {problems.map((p, k) => (
          <li key={`${p.cell}-${k}`}>
            <ProblemLine p={p} onSelect={onSelect} />
          </li>
        ))}
      </ul>
    </details>
  );
}

export function ProblemList({ problems, onSelect }: ProblemListProps) {
  const styles = useStyles();
  const t = useT();
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
            <Subtitle2 as="h3">{sheet || t("wholeFile")}</Subtitle2>
            <SeverityCounts problems={list} />
          </div>
          <ul className={styles.list}>
            {groupRepeats(list).map((item, i) =>
              item.kind === "one" ? (
                <li key={`${item.problem.code}-${item.problem.cell}-${i}`}>
                  <ProblemLine p={item.problem} onSelect={onSelect} />
                </li>
              ) : (
                <li key={`group-${item.code}`} data-group={item.code}>
                  <ProblemGroup problems={item.problems} onSelect={onSelect} />
                </li>
              ),
            )}
          </ul>
        </section>
      ))}
    </div>
  );
}

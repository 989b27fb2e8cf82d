// One card per picked file — file, agency, a state badge, the reasons as a list — problems first,
// with a filter (all / rejected / warnings / accepted). Duplicates and older versions, which change
// nothing, are folded into one group; long lists are shown a page at a time.
import {
  Badge,
  Button,
  Caption1,
  Field,
  Input,
  ToggleButton,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { Problem } from "../../domain/problem";
import { useLang, useT, type StringKey } from "../i18n";
import type { OutcomeRow, RowGroup, RowKind } from "../logic/outcomeRows";
import { messageOf, valueText } from "../logic/problemView";

const useStyles = makeStyles({
  filters: { display: "flex", gap: "4px", flexWrap: "wrap" },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "6px",
  },
  card: {
    padding: "8px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeft: `4px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    display: "flex",
    flexDirection: "column",
    gap: "4px",
    minWidth: 0,
  },
  rejected: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  accepted: { borderLeftColor: tokens.colorPaletteGreenBorder2 },
  ignored: { borderLeftColor: tokens.colorNeutralStroke1 },
  head: {
    display: "flex",
    gap: "6px",
    alignItems: "flex-start",
    justifyContent: "space-between",
    minWidth: 0,
  },
  file: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere", minWidth: 0 },
  agency: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  reasons: { margin: 0, paddingLeft: "18px", overflowWrap: "anywhere" },
  form: { display: "flex", flexWrap: "wrap", gap: "6px", alignItems: "flex-end" },
  badge: {
    height: "auto",
    minHeight: "20px",
    whiteSpace: "normal",
    textAlign: "center",
    flexShrink: 0,
    maxWidth: "50%",
  },
});

const BADGE: Record<RowKind, "success" | "danger" | "warning" | "informative"> = {
  added: "success",
  replaced: "success",
  unchanged: "informative",
  duplicate: "informative",
  superseded: "informative",
  conflict: "warning",
  rejected: "danger",
  wrong_period: "danger",
  returned: "warning",
  rollup_target: "informative",
  rollup_unused: "warning",
};

type Filter = "all" | "rejected" | "warning" | "accepted";
const FILTERS: { id: Filter; label: StringKey }[] = [
  { id: "all", label: "filterAll" },
  { id: "rejected", label: "filterRejected" },
  { id: "warning", label: "filterWarnings" },
  { id: "accepted", label: "filterAccepted" },
];
const PAGE = 25;
const REASONS_SHOWN = 5;

function problemLine(p: Problem, lang: "vi" | "en"): string {
  const at = p.sheet && p.cell ? `${p.sheet}!${p.cell}: ` : p.sheet ? `${p.sheet}: ` : "";
  const v = valueText(p);
  return at + messageOf(p, lang) + (v ? ` «${v}»` : "");
}

function Card({ row, onReturn }: { row: OutcomeRow; onReturn?: (agency: string, reason: string) => void }) {
  const styles = useStyles();
  const t = useT();
  const lang = useLang();
  const [reason, setReason] = useState<string | null>(null);
  const lines = [...row.notes.map((n) => n[lang]), ...row.problems.map((p) => problemLine(p, lang))];
  const shown = lines.slice(0, REASONS_SHOWN);
  return (
    <li className={`${styles.card} ${styles[row.group]}`} data-file={row.file} data-kind={row.kind}>
      <div className={styles.head}>
        <span className={styles.file}>{row.file}</span>
        <Badge appearance="tint" color={BADGE[row.kind]} className={styles.badge}>
          {row.label[lang]}
        </Badge>
      </div>
      {row.agency && <Caption1 className={styles.agency}>{row.agency}</Caption1>}
      {shown.length > 0 && (
        <ul className={styles.reasons}>
          {shown.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
          {lines.length > shown.length && <li>{t("andMore", { n: lines.length - shown.length })}</li>}
        </ul>
      )}
      {row.returnable && onReturn && reason === null && (
        <div>
          <Button size="small" onClick={() => setReason("")}>
            {t("consReturn")}
          </Button>
        </div>
      )}
      {row.returnable && onReturn && reason !== null && (
        <form
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim()) onReturn(row.returnable!, reason);
          }}
        >
          <Field
            label={`${t("consReturnReason")} (${row.agency ?? row.returnable})`}
            style={{ flex: "1 1 180px", minWidth: 0 }}
          >
            <Input value={reason} onChange={(_, d) => setReason(d.value)} autoFocus />
          </Field>
          <Button type="submit" appearance="primary" disabled={!reason.trim()}>
            {t("consReturnConfirm")}
          </Button>
          <Button type="button" onClick={() => setReason(null)}>
            {t("consCancel")}
          </Button>
        </form>
      )}
    </li>
  );
}

export function OutcomeList({
  rows,
  onReturn,
}: {
  rows: readonly OutcomeRow[];
  onReturn?: (agency: string, reason: string) => void;
}) {
  const styles = useStyles();
  const t = useT();
  const [filter, setFilter] = useState<Filter>("all");
  const [shown, setShown] = useState(PAGE);
  const main = rows.filter((r) => r.group !== "ignored");
  const ignored = rows.filter((r) => r.group === "ignored");
  const count = (f: Filter) => (f === "all" ? main.length : main.filter((r) => r.group === f).length);
  const visible = filter === "all" ? main : main.filter((r) => r.group === (filter as RowGroup));
  return (
    <section
      aria-labelledby="outcome-title"
      style={{ display: "flex", flexDirection: "column", gap: 8, minWidth: 0 }}
    >
      <h3 id="outcome-title" style={{ fontSize: 15, margin: 0 }}>
        {t("consOutcomeTitle")}
      </h3>
      <div className={styles.filters} role="group" aria-label={t("filterLabel")}>
        {FILTERS.map((f) => (
          <ToggleButton
            key={f.id}
            size="small"
            checked={filter === f.id}
            appearance={filter === f.id ? "primary" : "secondary"}
            onClick={() => {
              setFilter(f.id);
              setShown(PAGE);
            }}
          >
            {`${t(f.label)} (${count(f.id)})`}
          </ToggleButton>
        ))}
      </div>
      <ul className={styles.list} aria-label={t("consOutcome")}>
        {visible.slice(0, shown).map((r) => (
          <Card key={r.key} row={r} onReturn={onReturn} />
        ))}
      </ul>
      {visible.length === 0 && <Caption1>{t("filterNone")}</Caption1>}
      {visible.length > shown && (
        <div>
          <Button onClick={() => setShown((n) => n + PAGE)}>
            {t("showMore", { n: Math.min(PAGE, visible.length - shown), left: visible.length - shown })}
          </Button>
        </div>
      )}
      {ignored.length > 0 && filter === "all" && (
        <details>
          <summary style={{ cursor: "pointer" }}>{t("consIgnored", { n: ignored.length })}</summary>
          <IgnoredList rows={ignored} />
        </details>
      )}
    </section>
  );
}

function IgnoredList({ rows }: { rows: readonly OutcomeRow[] }) {
  const styles = useStyles();
  const t = useT();
  const [shown, setShown] = useState(PAGE);
  return (
    <>
      <ul className={styles.list} aria-label={t("consIgnoredList")} style={{ marginTop: 6 }}>
        {rows.slice(0, shown).map((r) => (
          <Card key={r.key} row={r} />
        ))}
      </ul>
      {rows.length > shown && (
        <Button style={{ marginTop: 6 }} onClick={() => setShown((n) => n + PAGE)}>
          {t("showMore", { n: Math.min(PAGE, rows.length - shown), left: rows.length - shown })}
        </Button>
      )}
    </>
  );
}

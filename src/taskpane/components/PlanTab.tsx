// Kế hoạch: the plan in use — read from this workbook's plan sheets, a picked file or the bundled
// example — its sections and task counts, and its parse problems. A load that fails keeps the plan
// in use and says why.
import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableRow,
} from "@fluentui/react-components";
import type { A1 } from "../../domain/cell";
import { useLang, useT } from "../i18n";
import type { PlanState } from "../hooks/usePlan";
import { FilePicker } from "./FilePicker";
import { ProblemList, SeverityCounts } from "./ProblemList";

export interface PlanTabProps {
  plan: PlanState;
  /** "browser": there is no open workbook to read a plan from, so that button is not offered. */
  host: "excel" | "browser";
  onSelect?: (sheet: string, cell: A1) => void;
}

export function PlanTab({ plan, host, onSelect }: PlanTabProps) {
  const t = useT();
  const lang = useLang();
  const loaded = plan.loaded;
  const source =
    loaded?.source === "workbook"
      ? t("planSourceWorkbook")
      : loaded?.source === "file"
        ? `${t("planSourceFile")} ${loaded.name ?? ""}`
        : loaded
          ? t("planSourceExample")
          : "";
  const failure = plan.failure;
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 10, minWidth: 0 }}>
      <Body1 style={{ overflowWrap: "anywhere" }}>
        <strong>{t("planFrom")}</strong>
        {loaded?.plan ? `: ${loaded.plan.title || loaded.plan.year} — ${source}` : `: ${t("planNone")}`}
      </Body1>
      {failure && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <strong>
              {failure.from ? t("planFailedFile", { f: failure.from }) : t("planFailedWorkbook")}
            </strong>{" "}
            {failure.reason[lang]} {loaded?.plan ? t("planKept") : ""}
          </MessageBarBody>
        </MessageBar>
      )}
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        {host === "excel" && (
          <Button onClick={() => void plan.fromWorkbook()} disabled={plan.busy}>
            {t("planReadWorkbook")}
          </Button>
        )}
        <Button onClick={() => plan.useExample()} disabled={plan.busy}>
          {t("planUseExample")}
        </Button>
      </div>
      <FilePicker
        label={t("planPickFile")}
        onFiles={(files) => files[0] && void plan.fromFile(files[0])}
        disabled={plan.busy}
      />
      {failure && failure.problems.length > 0 && (
        <details>
          <summary style={{ cursor: "pointer" }}>
            {t("planFailedProblems", { n: failure.problems.length })}
          </summary>
          <ProblemList problems={failure.problems} />
        </details>
      )}
      {loaded?.plan && (
        <>
          <Subtitle2 as="h2">{t("planSections")}</Subtitle2>
          <Table size="extra-small" aria-label={t("planSections")}>
            <TableBody>
              {loaded.plan.sections.map((s) => (
                <TableRow key={s.code}>
                  <TableCell style={{ width: 40 }}>{s.code}</TableCell>
                  <TableCell style={{ overflowWrap: "anywhere" }}>{s.title}</TableCell>
                  <TableCell style={{ width: 84 }}>{`${s.tasks.length} ${t("planTasks")}`}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      {loaded && loaded.problems.length > 0 && (
        <>
          <Subtitle2 as="h2">
            {t("planProblems")} <SeverityCounts problems={loaded.problems} />
          </Subtitle2>
          <ProblemList
            problems={loaded.problems}
            onSelect={loaded.source === "workbook" ? onSelect : undefined}
          />
        </>
      )}
    </div>
  );
}

// Kế hoạch: the plan in use — read from this workbook's plan sheet, a picked file or the bundled
// example — its sections and task counts, and its parse problems.
import {
  Body1,
  Button,
  Field,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableRow,
} from "@fluentui/react-components";
import type { A1 } from "../../domain/cell";
import { useT } from "../i18n";
import type { PlanState } from "../hooks/usePlan";
import { readPickedFiles } from "../ops";
import { ProblemList, SeverityCounts } from "./ProblemList";

export interface PlanTabProps {
  plan: PlanState;
  onSelect?: (sheet: string, cell: A1) => void;
}

export function PlanTab({ plan, onSelect }: PlanTabProps) {
  const t = useT();
  const loaded = plan.loaded;
  const source =
    loaded?.source === "workbook"
      ? t("planSourceWorkbook")
      : loaded?.source === "file"
        ? `${t("planSourceFile")} ${loaded.name ?? ""}`
        : loaded
          ? t("planSourceExample")
          : "";
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 10 }}>
      <Body1>
        <strong>{t("planFrom")}</strong>
        {loaded?.plan ? `: ${loaded.plan.title || loaded.plan.year} — ${source}` : `: ${t("planNone")}`}
      </Body1>
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        <Button onClick={() => plan.fromWorkbook()} disabled={plan.busy}>
          {t("planReadWorkbook")}
        </Button>
        <Button onClick={() => plan.useExample()} disabled={plan.busy}>
          {t("planUseExample")}
        </Button>
      </div>
      <Field label={t("planPickFile")}>
        <input
          type="file"
          accept=".xlsx"
          aria-label={t("planPickFile")}
          onChange={async (e) => {
            const [file] = e.target.files ? await readPickedFiles(e.target.files) : [];
            if (file) await plan.fromFile(file);
          }}
        />
      </Field>
      {loaded?.plan && (
        <>
          <Subtitle2>{t("planSections")}</Subtitle2>
          <Table size="extra-small" aria-label={t("planSections")}>
            <TableBody>
              {loaded.plan.sections.map((s) => (
                <TableRow key={s.code}>
                  <TableCell style={{ width: 48 }}>{s.code}</TableCell>
                  <TableCell>{s.title}</TableCell>
                  <TableCell style={{ width: 90 }}>{`${s.tasks.length} ${t("planTasks")}`}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      {loaded && loaded.problems.length > 0 && (
        <>
          <Subtitle2>
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

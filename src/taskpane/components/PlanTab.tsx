// Kế hoạch: the plan in use — read from this workbook's plan sheets, a picked file or the bundled
// example — its sections and task counts, and its parse problems. A load that fails keeps the plan
// in use and says why. "Kế hoạch năm sau" carries the plan into a new year (as `cchc plan new`).
import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableRow,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { A1 } from "../../domain/cell";
import { useLang, useT } from "../i18n";
import type { PlanState } from "../hooks/usePlan";
import { deliverPlan, nextPlanMessage, nextYearPlan, planGridsFor } from "../logic/planNext";
import type { PickedFile, TaskpaneOps } from "../ops";
import { said, type Said } from "../said";
import { FilePicker } from "./FilePicker";
import { ProblemList, SeverityCounts } from "./ProblemList";

export interface PlanTabProps {
  plan: PlanState;
  /** "browser": there is no open workbook to read a plan from, so that button is not offered. */
  host: "excel" | "browser";
  onSelect?: (sheet: string, cell: A1) => void;
  /** To make next year's plan (re-read the plan, then download or open the new workbook). */
  ops?: Pick<TaskpaneOps, "readSheets" | "download" | "openAsNewWorkbook" | "canDownload">;
}

export function PlanTab({ plan, host, onSelect, ops }: PlanTabProps) {
  const t = useT();
  const lang = useLang();
  const loaded = plan.loaded;
  // The last picked file, to read its plan sheet again for next year's plan.
  const picked = useRef<PickedFile | null>(null);
  const [nextYear, setNextYear] = useState("");
  const [making, setMaking] = useState(false);
  const [made, setMade] = useState<{ intent: "success" | "error"; text: Said } | null>(null);
  const year = loaded?.plan ? Number(nextYear || loaded.plan.year + 1) : NaN;
  const yearOk = Number.isInteger(year) && loaded?.plan != null && year > loaded.plan.year && year <= 2100;
  const makeNext = async () => {
    if (!ops || !loaded?.plan || !yearOk) return;
    setMaking(true);
    setMade(null);
    try {
      const grids = await planGridsFor(loaded, ops, picked.current);
      const next = await nextYearPlan(loaded, grids, year);
      if (!next)
        setMade({
          intent: "error",
          text: { vi: "Không đọc được bảng kế hoạch.", en: "No plan table to carry forward." },
        });
      else setMade({ intent: "success", text: nextPlanMessage(next, await deliverPlan(ops, next)) });
    } catch (e) {
      setMade({ intent: "error", text: said(e) });
    } finally {
      setMaking(false);
    }
  };
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
        onFiles={(files) => {
          if (!files[0]) return;
          picked.current = files[0];
          void plan.fromFile(files[0]);
        }}
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
      {ops && loaded?.plan && plan.bundle && (
        <>
          <Subtitle2 as="h2">{lang === "vi" ? "Kế hoạch năm sau" : "Next year's plan"}</Subtitle2>
          <div style={{ display: "flex", gap: 8, alignItems: "end", flexWrap: "wrap" }}>
            <Field
              label={lang === "vi" ? "Năm kế hoạch mới" : "Year of the new plan"}
              validationState={yearOk ? "none" : "error"}
              validationMessage={
                yearOk
                  ? undefined
                  : lang === "vi"
                    ? "Năm sau năm kế hoạch đang dùng"
                    : "A year after the plan's"
              }
            >
              <Input
                value={nextYear || String(loaded.plan.year + 1)}
                onChange={(_, d) => setNextYear(d.value.trim())}
                style={{ width: 90 }}
              />
            </Field>
            <Button disabled={making || plan.busy || !yearOk} onClick={() => void makeNext()}>
              {lang === "vi"
                ? `Tạo kế hoạch năm ${yearOk ? year : "…"}`
                : `Make the ${yearOk ? year : "…"} plan`}
            </Button>
          </div>
          <Body1>
            {lang === "vi"
              ? "Chuyển các nhiệm vụ sang năm mới: thời hạn theo năm được dời, cơ quan đã thôi hoạt động được thay bằng đơn vị kế thừa, dòng thay đổi được đánh dấu để rà soát."
              : "Carries the tasks into the new year: year-bound deadlines shifted, agencies that ended replaced by their successors, changed rows flagged for review."}
          </Body1>
          {made && (
            <MessageBar intent={made.intent} layout="multiline">
              <MessageBarBody>{made.text[lang]}</MessageBarBody>
            </MessageBar>
          )}
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

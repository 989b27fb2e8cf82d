// Biểu mẫu: report workbooks for one or all agencies for a period — downloaded (a .zip when
// several) or opened as a new workbook in Excel. Making many shows progress, lets the page paint
// between templates, and can be cancelled.
import {
  Button,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  ProgressBar,
} from "@fluentui/react-components";
import { useMemo, useRef, useState } from "react";
import { templatesZipName } from "../../domain/fileNames";
import { civilOfLocal } from "../../domain/civilDate";
import { parsePeriod, periodCode } from "../../domain/period";
import { defaultPeriod } from "../logic/periods";
import { say, useLang, useT } from "../i18n";
import type { PlanBundle } from "../../domain/consolidation/intake";
import {
  agenciesWithTasks,
  combinedTemplateSpecs,
  deliverTemplates,
  templateBytes,
  templateFileName,
  workbookBytes,
} from "../logic/templates";
import type { TaskpaneOps } from "../ops";
import { said, type Said } from "../said";
import { problem } from "../../domain/problem";

export interface TemplatesTabProps {
  ops: Pick<TaskpaneOps, "download" | "openAsNewWorkbook" | "canDownload"> &
    Partial<Pick<TaskpaneOps, "now">>;
  /** With its report schedule, the period offered first is the report due next, as in Kiểm tra. */
  bundle: PlanBundle | null;
}

const ALL = "*";
/** Let the page paint (progress, clicks on Hủy) between two templates. */
const yieldToUi = () => new Promise((r) => setTimeout(r, 0));

export function TemplatesTab({ ops, bundle }: TemplatesTabProps) {
  const t = useT();
  const lang = useLang();
  const agencies = useMemo(() => (bundle ? agenciesWithTasks(bundle) : []), [bundle]);
  const [periodText, setPeriodText] = useState(() => {
    if (!bundle) return "";
    const now = ops.now?.() ?? new Date();
    const year = bundle.plan.year;
    const p = defaultPeriod(bundle.schedule, year, civilOfLocal(now));
    return p ? periodCode(p) : String(year);
  });
  const [agency, setAgency] = useState<string>(ALL);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [note, setNote] = useState<{ intent: "error" | "success" | "warning"; text: Said } | null>(null);
  const stop = useRef(false);

  const make = async (target: "download" | "workbook") => {
    if (!bundle) return;
    const p = parsePeriod(periodText.trim());
    if (!p.ok) {
      setNote({
        intent: "error",
        text: said(problem("PERIOD_INVALID", { text: p.text, reason: p.reason })),
      });
      return;
    }
    stop.current = false;
    setNote(null);
    try {
      const chosen = agency === ALL ? agencies : agencies.filter((a) => a.code === agency);
      setProgress({ done: 0, total: chosen.length });
      const files = [];
      for (const a of chosen) {
        if (stop.current) {
          setNote({
            intent: "warning",
            text: { vi: "Đã hủy; chưa tải về gì.", en: "Cancelled; nothing was downloaded." },
          });
          return;
        }
        files.push({ name: templateFileName(a, p.period), bytes: await templateBytes(bundle, a, p.period) });
        setProgress({ done: files.length, total: chosen.length });
        await yieldToUi();
      }
      const zipName = templatesZipName(p.period);
      const how = await deliverTemplates(ops, files, zipName, target, () =>
        workbookBytes(combinedTemplateSpecs(bundle, chosen, p.period)),
      );
      const done = say(
        how === "openedCombined" ? "tplOpenedCombined" : how === "opened" ? "tplOpened" : "tplDone",
        { n: files.length },
      );
      // Inside Excel a download from the pane cannot be confirmed: say where to look and what else works.
      const why =
        how === "openedCombined" && target === "download"
          ? say("tplNoDownload")
          : how === "downloaded" && ops.openAsNewWorkbook
            ? say("tplDownloadCheck", { f: files.length === 1 ? files[0].name : zipName })
            : null;
      setNote({
        intent: "success",
        text: why ? { vi: `${done.vi} ${why.vi}`, en: `${done.en} ${why.en}` } : done,
      });
    } catch (e) {
      setNote({ intent: "error", text: said(e) });
    } finally {
      setProgress(null);
    }
  };

  const busy = progress !== null;
  const label = agency === ALL ? t("tplAll") : (agencies.find((a) => a.code === agency)?.name ?? agency);
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 10, minWidth: 0 }}>
      <Field label={t("tplPeriod")}>
        <Input value={periodText} onChange={(_, d) => setPeriodText(d.value)} />
      </Field>
      <Field label={t("tplAgency")}>
        <Dropdown
          value={label}
          selectedOptions={[agency]}
          onOptionSelect={(_, d) => setAgency(d.optionValue ?? ALL)}
          style={{ minWidth: 0, maxWidth: "100%" }}
        >
          <Option value={ALL}>{t("tplAll")}</Option>
          {agencies.map((a) => (
            <Option key={a.code} value={a.code} text={a.name}>
              {`${a.name} (${a.code})`}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        <Button appearance="primary" disabled={!bundle || busy} onClick={() => void make("download")}>
          {t("tplDownload")}
        </Button>
        {ops.openAsNewWorkbook && (
          <Button disabled={!bundle || busy} onClick={() => void make("workbook")}>
            {t("tplNewWorkbook")}
          </Button>
        )}
        {busy && (
          <Button
            onClick={() => {
              stop.current = true;
            }}
          >
            {t("consCancelRun")}
          </Button>
        )}
      </div>
      {progress && (
        <div role="status" aria-live="polite">
          <Field label={t("tplMaking", { d: progress.done, n: progress.total })}>
            <ProgressBar
              value={progress.total ? progress.done / progress.total : 0}
              aria-label={t("working")}
            />
          </Field>
        </div>
      )}
      {note && (
        <MessageBar intent={note.intent}>
          <MessageBarBody>{note.text[lang]}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

// Biểu mẫu: report workbooks for one or all agencies for a period — downloaded (a .zip when
// several) or opened as a new workbook in Excel.
import {
  Button,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { parsePeriod } from "../../domain/period";
import { useLang, useT } from "../i18n";
import type { PlanBundle } from "../logic/consolidate";
import {
  agenciesWithTasks,
  combinedTemplateSpecs,
  deliverTemplates,
  templateBytes,
  templateFileName,
  workbookBytes,
} from "../logic/templates";
import type { TaskpaneOps } from "../ops";
import { messageOf } from "./ValidateTab";

export interface TemplatesTabProps {
  ops: Pick<TaskpaneOps, "download" | "openAsNewWorkbook" | "canDownload">;
  bundle: PlanBundle | null;
}

const ALL = "*";

export function TemplatesTab({ ops, bundle }: TemplatesTabProps) {
  const t = useT();
  const lang = useLang();
  const agencies = useMemo(() => (bundle ? agenciesWithTasks(bundle) : []), [bundle]);
  const [periodText, setPeriodText] = useState(bundle ? `${bundle.plan.year}-Q2` : "");
  const [agency, setAgency] = useState<string>(ALL);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ intent: "error" | "success"; text: string } | null>(null);

  const make = async (target: "download" | "workbook") => {
    if (!bundle) return;
    const p = parsePeriod(periodText.trim());
    if (!p.ok) {
      setNote({ intent: "error", text: `${t("badPeriod")}: ${lang === "vi" ? p.reason_vi : p.reason_en}` });
      return;
    }
    setBusy(true);
    setNote(null);
    try {
      const chosen = agency === ALL ? agencies : agencies.filter((a) => a.code === agency);
      const files = [];
      for (const a of chosen)
        files.push({ name: templateFileName(a, p.period), bytes: await templateBytes(bundle, a, p.period) });
      const how = await deliverTemplates(ops, files, `bieu-mau-${periodText.trim()}.zip`, target, () =>
        workbookBytes(combinedTemplateSpecs(bundle, chosen, p.period)),
      );
      const done =
        how === "openedCombined" ? "tplOpenedCombined" : how === "opened" ? "tplOpened" : "tplDone";
      const why = how === "openedCombined" && target === "download" ? ` ${t("tplNoDownload")}` : "";
      setNote({ intent: "success", text: t(done, { n: files.length }) + why });
    } catch (e) {
      setNote({ intent: "error", text: messageOf(e, lang) });
    } finally {
      setBusy(false);
    }
  };

  const label = agency === ALL ? t("tplAll") : (agencies.find((a) => a.code === agency)?.name ?? agency);
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 10 }}>
      <Field label={t("tplPeriod")}>
        <Input value={periodText} onChange={(_, d) => setPeriodText(d.value)} />
      </Field>
      <Field label={t("tplAgency")}>
        <Dropdown
          value={label}
          selectedOptions={[agency]}
          onOptionSelect={(_, d) => setAgency(d.optionValue ?? ALL)}
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
        <Button appearance="primary" disabled={!bundle || busy} onClick={() => make("download")}>
          {t("tplDownload")}
        </Button>
        {ops.openAsNewWorkbook && (
          <Button disabled={!bundle || busy} onClick={() => make("workbook")}>
            {t("tplNewWorkbook")}
          </Button>
        )}
        {busy && <Spinner size="tiny" label={t("working")} />}
      </div>
      {note && (
        <MessageBar intent={note.intent}>
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

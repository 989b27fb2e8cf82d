// The taskpane: four tabs (Kiểm tra, Tổng hợp, Biểu mẫu, Kế hoạch), Vietnamese with an English
// toggle. Every workbook operation arrives through `ops`.
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Switch,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { Suspense, lazy, useCallback, useState } from "react";
import { validateRequests, type ValidateRequests } from "../../commands/commands";
import { useRibbonValidate } from "../hooks/useRibbonValidate";
import { LangContext, STRINGS, type Lang } from "../i18n";
import { usePlan } from "../hooks/usePlan";
import type { LoadedPlan } from "../logic/planSources";
import type { TaskpaneOps } from "../ops";
import { PlanTab } from "./PlanTab";
import { TemplatesTab } from "./TemplatesTab";
import { ValidateTab } from "./ValidateTab";

const useStyles = makeStyles({
  root: { padding: "8px 12px 24px", minHeight: "100vh", boxSizing: "border-box" },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "8px" },
  panel: { paddingTop: "12px" },
  plan: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

// The consolidation UI (with its charts and ExcelJS) loads when its tab is first opened.
const ConsolidateTab = lazy(() => import("./ConsolidateTab").then((m) => ({ default: m.ConsolidateTab })));

export type TabId = "validate" | "consolidate" | "templates" | "plan";

export interface AppProps {
  ops: TaskpaneOps;
  /** Start with this plan instead of reading the workbook (tests, the web page). */
  initialPlan?: LoadedPlan;
  initialTab?: TabId;
  initialLang?: Lang;
  /** Where the ribbon's "Kiểm tra" requests arrive (default: the runtime's queue). */
  ribbon?: ValidateRequests;
}

export function App({
  ops,
  initialPlan,
  initialTab = "validate",
  initialLang = "vi",
  ribbon = validateRequests,
}: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const [tab, setTab] = useState<TabId>(initialTab);
  const plan = usePlan(ops, initialPlan);
  // The ribbon's Kiểm tra: an app-level action, whatever tab is open and whether the plan has loaded.
  const [validateRun, setValidateRun] = useState(0);
  const [ribbonNoPlan, setRibbonNoPlan] = useState(false);
  const onAsk = useCallback(() => {
    setTab("validate");
    setRibbonNoPlan(false);
  }, []);
  const onReady = useCallback((hasPlan: boolean) => {
    if (hasPlan) setValidateRun((n) => n + 1);
    else setRibbonNoPlan(true);
  }, []);
  const waitingForPlan = useRibbonValidate(ribbon, plan.loaded !== null, plan.bundle !== null, {
    onAsk,
    onReady,
  });
  const s = (k: keyof typeof STRINGS) => STRINGS[k][lang];
  const select = (sheet: string, cell: Parameters<TaskpaneOps["selectCell"]>[1]) =>
    void ops.selectCell(sheet, cell);
  return (
    <LangContext.Provider value={lang}>
      <FluentProvider theme={webLightTheme} className={styles.root} lang={lang}>
        <div className={styles.header}>
          <Title3 as="h1">{s("appTitle")}</Title3>
          <Switch
            label={s("english")}
            checked={lang === "en"}
            onChange={(_, d) => setLang(d.checked ? "en" : "vi")}
          />
        </div>
        <div className={styles.plan}>
          {plan.loaded?.plan
            ? `${s("planFrom")}: ${plan.loaded.plan.title || plan.loaded.plan.year}`
            : s("planNone")}
        </div>
        <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} size="small">
          <Tab value="validate">{s("tabValidate")}</Tab>
          <Tab value="consolidate">{s("tabConsolidate")}</Tab>
          <Tab value="templates">{s("tabTemplates")}</Tab>
          <Tab value="plan">{s("tabPlan")}</Tab>
        </TabList>
        <div className={styles.panel} role="tabpanel">
          {tab === "validate" && waitingForPlan && <Spinner size="tiny" label={s("ribbonWaiting")} />}
          {tab === "validate" && ribbonNoPlan && !plan.bundle && (
            <MessageBar intent="warning">
              <MessageBarBody>{s("ribbonNoPlan")}</MessageBarBody>
            </MessageBar>
          )}
          {tab === "validate" && <ValidateTab ops={ops} bundle={plan.bundle} runRequest={validateRun} />}
          {tab === "consolidate" && (
            <Suspense fallback={<Spinner size="tiny" label={s("working")} />}>
              <ConsolidateTab ops={ops} bundle={plan.bundle} />
            </Suspense>
          )}
          {tab === "templates" && <TemplatesTab ops={ops} bundle={plan.bundle} />}
          {tab === "plan" && <PlanTab plan={plan} onSelect={select} />}
        </div>
      </FluentProvider>
    </LangContext.Provider>
  );
}

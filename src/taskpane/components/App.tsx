// The taskpane: four tabs (Kiểm tra, Tổng hợp, Biểu mẫu, Kế hoạch), Vietnamese with an English
// toggle. Every workbook operation arrives through `ops`. The tabs' state lives here, above the
// tabs, so a finished or running job survives a visit to another tab.
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
import type { A1 } from "../../domain/cell";
import { LangContext, STRINGS, type Lang } from "../i18n";
import { useConsolidation } from "../hooks/useConsolidation";
import { usePlan } from "../hooks/usePlan";
import { useRibbonValidate } from "../hooks/useRibbonValidate";
import { useValidation } from "../hooks/useValidation";
import type { LoadedPlan } from "../logic/planSources";
import type { TaskpaneOps } from "../ops";
import { PlanTab } from "./PlanTab";
import { TemplatesTab } from "./TemplatesTab";
import { ValidateTab } from "./ValidateTab";

// Layout lives on a div inside the provider, never on FluentProvider itself: Fluent copies the
// provider's classes onto its portal layer (menus, dropdown lists, dialogs), and a min-height of
// 100vh there blanked the whole page whenever a popup opened.
const useStyles = makeStyles({
  root: {
    padding: "8px 12px 24px",
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: "8px",
    flexWrap: "wrap",
  },
  tabs: { flexWrap: "wrap" },
  panel: { paddingTop: "12px", minWidth: 0 },
  plan: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

// The consolidation view (with its charts) loads when its tab is first opened; its state
// (useConsolidation) lives here so it survives tab switches.
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
  const validation = useValidation(ops, plan.bundle);
  const consolidation = useConsolidation(ops, plan.bundle);
  const s = (k: keyof typeof STRINGS) => STRINGS[k][lang];
  const select = useCallback(
    (sheet: string, cell: A1) => void ops.selectCell(sheet, cell).catch(() => undefined),
    [ops],
  );

  // The ribbon's Kiểm tra: an app-level action, whatever tab is open and whether the plan has loaded.
  const [ribbonNoPlan, setRibbonNoPlan] = useState(false);
  const onAsk = useCallback(() => {
    setTab("validate");
    setRibbonNoPlan(false);
  }, []);
  const runValidation = validation.run;
  const onReady = useCallback(
    (hasPlan: boolean) => {
      if (hasPlan) void runValidation();
      else setRibbonNoPlan(true);
    },
    [runValidation],
  );
  const waitingForPlan = useRibbonValidate(ribbon, plan.loaded !== null, plan.bundle !== null, {
    onAsk,
    onReady,
  });

  return (
    <LangContext.Provider value={lang}>
      <FluentProvider theme={webLightTheme} lang={lang}>
        <div className={styles.root}>
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
          <TabList
            className={styles.tabs}
            selectedValue={tab}
            onTabSelect={(_, d) => setTab(d.value as TabId)}
            size="small"
          >
            <Tab value="validate" id="tab-validate">
              {s("tabValidate")}
            </Tab>
            <Tab value="consolidate" id="tab-consolidate">
              {s("tabConsolidate")}
              {consolidation.running ? " …" : ""}
            </Tab>
            <Tab value="templates" id="tab-templates">
              {s("tabTemplates")}
            </Tab>
            <Tab value="plan" id="tab-plan">
              {s("tabPlan")}
            </Tab>
          </TabList>
          <div className={styles.panel} role="tabpanel" aria-labelledby={`tab-${tab}`}>
            {tab === "validate" && waitingForPlan && <Spinner size="tiny" label={s("ribbonWaiting")} />}
            {tab === "validate" && ribbonNoPlan && !plan.bundle && (
              <MessageBar intent="warning">
                <MessageBarBody>{s("ribbonNoPlan")}</MessageBarBody>
              </MessageBar>
            )}
            {tab === "validate" && (
              <ValidateTab state={validation} ops={ops} bundle={plan.bundle} onSelect={select} />
            )}
            {tab === "consolidate" && (
              <Suspense fallback={<Spinner size="tiny" label={s("working")} />}>
                <ConsolidateTab state={consolidation} bundle={plan.bundle} host={ops.host} />
              </Suspense>
            )}
            {tab === "templates" && <TemplatesTab ops={ops} bundle={plan.bundle} />}
            {tab === "plan" && <PlanTab plan={plan} host={ops.host} onSelect={select} ops={ops} />}
          </div>
        </div>
      </FluentProvider>
    </LangContext.Provider>
  );
}

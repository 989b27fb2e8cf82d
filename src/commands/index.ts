/// <reference types="office-js" />
// Entry of commands.html: the commands page for a manifest without the shared runtime (the
// shipped manifest shares the taskpane's runtime, whose page registers the same commands).
import { registerCommands } from "./commands";

Office.onReady(() => registerCommands());

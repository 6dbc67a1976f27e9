import { createPlan, updatePlan } from "../plans/moves/create-plan";
import { generateDueOccurrences } from "../plans/moves/generate-due-occurrences";
import {
  endPlan,
  pausePlan,
  resumePlan,
  skipPlanOccurrence,
} from "../plans/moves/plan-status-moves";
import { getPlan, listPlans } from "../plans/reads/read-plans";
import { bindCalls } from "../service/internal/bind-calls";
import type { RemitDependencies } from "../service/remit-dependencies";

/** `remit.plans`: recurring service plans. Moves return `{ plan, events }`. */
export function createPlansApi(deps: RemitDependencies) {
  return bindCalls(deps, {
    create: createPlan,
    update: updatePlan,
    pause: pausePlan,
    resume: resumePlan,
    skip: skipPlanOccurrence,
    end: endPlan,
    get: getPlan,
    list: listPlans,
    generateDue: generateDueOccurrences,
  });
}

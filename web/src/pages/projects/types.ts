// What GET /api/projects/{id} answers (services/ProjectLibrary ProjectResponse), money in 万元.
export interface Project {
  id: string; name: string; regionCode: string; township?: string; category: string; nature: string;
  industry?: string; description?: string; totalInvestment: number; annualPlannedInvestment: number; year: number;
  stage: string; stageChangedOn?: string; plannedStartDate?: string; plannedFinishDate?: string; actualStartDate?: string;
  actualFinishDate?: string; startKind?: string; isPrivateInvestment: boolean; isIndustrial: boolean; isHighTech: boolean;
  isTransformation: boolean; keyLevel: string; leaderInCharge?: string; responsibleUnit?: string; contactPerson?: string;
  contactPhone?: string; nationalCode?: string; statisticsCode?: string; bondProjectId?: string; localNumber?: string;
  readyToStart: boolean; isIncludedInStatistics: boolean; sourceDealId?: string; scheduleMonth: number;
  yearToDateInvestment: number; expectedToDate: number; gapPoints: number; scheduleStatus: string; warningLevel: string;
  createdAt: string; updatedAt: string; version: number;
}

export interface ProgressEntry { period: string; completedInvestment: number; note?: string; reportedBy: string; reportedAt: string; locked: boolean }
export interface ProgressYear { projectId: string; year: number; annualPlannedInvestment: number; yearToDateInvestment: number; months: ProgressEntry[] }

export interface ProjectProblem {
  id: string; projectId: string; regionCode: string; township?: string; title: string; description?: string; category: string;
  level: string; status: string; department?: string; assignee?: string; dueDate?: string; overdue: boolean; resolution?: string;
  raisedBy: string; raisedAt: string; version: number;
}

/** Which stages the lifecycle allows next (ProjectLifecycle: one step forward, 暂停 from 前期/在建 and back, 终止 any time). */
export function nextStages(p: Pick<Project, 'stage'>, stageBeforeSuspension?: string): string[] {
  const forward: Record<string, string> = {
    conceived: 'reserve', reserve: 'preparation', preparation: 'underConstruction', underConstruction: 'completed', completed: 'operating',
  };
  if (p.stage === 'operating' || p.stage === 'terminated') return [];
  if (p.stage === 'suspended') return [...(stageBeforeSuspension ? [stageBeforeSuspension] : ['preparation', 'underConstruction']), 'terminated'];
  const next = forward[p.stage] ? [forward[p.stage]] : [];
  if (p.stage === 'preparation' || p.stage === 'underConstruction') next.push('suspended');
  return [...next, 'terminated'];
}

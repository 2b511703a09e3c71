import { AppError } from '../../../platform/errors/app-error.js';
import * as repo from '../repository.js';
import type { EngineCtx } from './engine.js';

/**
 * Automatic steps. 预审 (precheck) re-checks, after acceptance, that every required material of the guide the
 * case was filed under is on file with enough files; a gap here is a defect of intake, so it stops the action.
 */
export async function runAutoStep(ctx: EngineCtx, kind: 'precheck'): Promise<string> {
  if (kind === 'precheck') {
    const onFile = new Map((await repo.findMaterialsOfCase(ctx.tx, ctx.caseRow.id)).map((m) => [m.material_id, m]));
    const missing = ctx.item.materials.filter((m) => m.required && !onFile.has(m.id)).map((m) => m.name);
    if (missing.length) throw new AppError('MATERIALS_MISSING', { detail: `预审未通过，缺少材料：${missing.join('、')}`, extra: { missing } });
    return `材料预审通过：共 ${onFile.size} 项材料`;
  }
  throw new AppError('PROCESS_DEFINITION_INVALID', { detail: `未知的自动环节 ${kind as string}` });
}

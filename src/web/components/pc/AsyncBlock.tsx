/** Kept for pages that import the PC path: the block is UI-kit free and lives in components/AsyncBlock.tsx. */
export { AsyncBlock } from '../AsyncBlock.tsx';

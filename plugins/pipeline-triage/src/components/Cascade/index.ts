export { CausedByLine, DownstreamList } from './CascadeLinks';
export { EntityCascadeCard } from './EntityCascadeCard';
export { PagingLine } from './PagingLine';

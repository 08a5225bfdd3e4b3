export { ContractViolationsPanel, isContract } from './ContractViolationsPanel';

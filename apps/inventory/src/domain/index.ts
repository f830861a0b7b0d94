/** The inventory service's domain: plain TypeScript, no framework. */
export { DomainError, type InventoryErrorCode } from './domain-error';
export {
  applyAdjustments,
  checkedStockLevel,
  setStockLevel,
  type StockAdjustment,
  type StockLevels,
  type StockLine,
} from './stock-level';
export {
  reserveStock,
  type Shortage,
  type StockRejectionReason,
  type StockReservationDecision,
} from './reserve-stock';
export { releaseReservation, type ReleaseDecision, type Reservation } from './release-reservation';

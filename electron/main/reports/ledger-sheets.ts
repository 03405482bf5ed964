import { ledgerHeader, ledgerPrintTable } from '../../../core/domain/ledger';
import type { Cell } from '../../../core/domain/table';
import type { SheetSpec } from './workbook';

// The ledger's workbook: first the sheet laid out for print (the columns an auditor checks, one
// A4 landscape page wide at about full size), then every column, for filtering (printed across
// pages at 80 % or more).
export function ledgerSheets(title: string, rows: Cell[][], masked: boolean): SheetSpec[] {
  const suffix = masked ? '・マスク版' : '';
  return [
    { name: `管理台帳（印刷用${suffix}）`, title, ...ledgerPrintTable(rows), masked },
    { name: `管理台帳（全項目${suffix}）`, title, header: [...ledgerHeader], rows, masked, print: 'across' },
  ];
}

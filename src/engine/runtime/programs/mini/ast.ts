// The tree the mini languages parse into: expressions, plus the few statements a one-liner or a
// tiny script uses — an expression, a variable declaration (`const x = 1`, `x = 1`) and an import.
import type { Value } from './values';

export type Expr =
  | { k: 'lit'; value: Value; pos: number }
  | { k: 'name'; name: string; pos: number }
  | { k: 'template'; parts: (string | Expr)[]; pos: number }
  | { k: 'list'; items: Expr[]; pos: number }
  | { k: 'dict'; entries: [Expr, Expr][]; pos: number }
  | { k: 'unary'; op: string; arg: Expr; pos: number }
  | { k: 'binary'; op: string; left: Expr; right: Expr; pos: number }
  | { k: 'cond'; test: Expr; then: Expr; otherwise: Expr; pos: number }
  | { k: 'member'; object: Expr; prop: string; pos: number }
  | { k: 'index'; object: Expr; index: Expr; pos: number }
  | { k: 'call'; callee: Expr; args: Expr[]; kwargs: [string, Expr][]; pos: number };

export type Stmt =
  | { k: 'expr'; expr: Expr; pos: number }
  | { k: 'let'; name: string; value: Expr; pos: number }
  | { k: 'import'; module: string; as: string; pos: number };

import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ErrorState } from "./ErrorState";

/**
 * A list loaded by a query, in its four states: loading (in words), failed (with a retry),
 * empty (a quiet note), or its content.
 */
export function QueryState<T>({
  query,
  loading,
  errorTitle,
  isEmpty = () => false,
  empty,
  emptyTestId,
  children,
}: {
  query: UseQueryResult<T>;
  loading: string;
  errorTitle: string;
  isEmpty?(data: T): boolean;
  empty?: ReactNode;
  emptyTestId?: string;
  children(data: T): ReactNode;
}) {
  if (query.isPending)
    return (
      <p aria-busy="true" className="item-meta">
        {loading}
      </p>
    );
  if (query.isError)
    return (
      <ErrorState title={errorTitle} error={query.error} onRetry={() => void query.refetch()} />
    );
  if (isEmpty(query.data))
    return (
      <p className="item-empty" data-testid={emptyTestId}>
        {empty}
      </p>
    );
  return children(query.data);
}

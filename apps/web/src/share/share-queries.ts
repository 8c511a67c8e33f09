import type { AccessLevel, CreateLinkBody } from "@rolemap/contract";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useApiClient } from "../api/api-context";
import { chartKeys } from "../api/query-keys";

/** The owner, and the accounts that are members of the chart with their levels. */
export function useMembers(chartId: string) {
  const api = useApiClient();
  return useQuery({
    queryKey: chartKeys.members(chartId),
    queryFn: ({ signal }) => api.listMembers(chartId, signal),
    staleTime: 0,
  });
}

/** The chart's share links, without their addresses (those are shown once, on creation). */
export function useLinks(chartId: string) {
  const api = useApiClient();
  return useQuery({
    queryKey: chartKeys.links(chartId),
    queryFn: ({ signal }) => api.listLinks(chartId, signal),
    staleTime: 0,
  });
}

/** A mutation of the chart's members or links; the list is asked for again afterwards. */
function useAccessMutation<T, R>(key: readonly unknown[], mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useCreateLink(chartId: string) {
  const api = useApiClient();
  return useAccessMutation(chartKeys.links(chartId), (body: CreateLinkBody) =>
    api.createLink(chartId, body),
  );
}

export function useRevokeLink(chartId: string) {
  const api = useApiClient();
  return useAccessMutation(chartKeys.links(chartId), (linkId: string) =>
    api.revokeLink(chartId, linkId),
  );
}

export function useAddMember(chartId: string) {
  const api = useApiClient();
  return useAccessMutation(
    chartKeys.members(chartId),
    ({ email, access }: { email: string; access: AccessLevel }) =>
      api.addMember(chartId, email, access),
  );
}

export function useSetMemberAccess(chartId: string) {
  const api = useApiClient();
  return useAccessMutation(
    chartKeys.members(chartId),
    ({ accountId, access }: { accountId: string; access: AccessLevel }) =>
      api.setMemberAccess(chartId, accountId, access),
  );
}

export function useRemoveMember(chartId: string) {
  const api = useApiClient();
  return useAccessMutation(chartKeys.members(chartId), (accountId: string) =>
    api.removeMember(chartId, accountId),
  );
}

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useApiClient } from "../../api/api-context";
import { adminKeys } from "../../api/query-keys";

export function useAccounts() {
  const api = useApiClient();
  return useQuery({
    queryKey: adminKeys.accounts(),
    queryFn: ({ signal }) => api.listAccounts(signal),
  });
}

export function useInvites() {
  const api = useApiClient();
  return useQuery({
    queryKey: adminKeys.invites(),
    queryFn: ({ signal }) => api.listInvites(signal),
  });
}

/** A change to accounts or invites; both lists are asked for again (an invite becomes an account). */
function useAdminMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
}

export function useCreateInvite() {
  const api = useApiClient();
  return useAdminMutation((email: string) => api.createInvite({ email }));
}

export function useRevokeInvite() {
  const api = useApiClient();
  return useAdminMutation((id: string) => api.revokeInvite(id));
}

export function useDeleteAccount() {
  const api = useApiClient();
  return useAdminMutation((id: string) => api.deleteAccount(id));
}

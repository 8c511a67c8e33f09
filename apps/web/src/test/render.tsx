import type {
  Account,
  ChartListItem,
  ChartRecord,
  Comment,
  ImportPreview,
  MeResponse,
  Round,
  Scenario,
  TemplateSummary,
  VersionSummary,
} from "@rolemap/contract";
import { listTemplates } from "@rolemap/domain";
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { MemoryRouter, useLocation } from "react-router";
import { vi } from "vitest";
import { AppProviders, AppRoutes } from "../App";
import { ApiClientProvider } from "../api/api-context";
import type { ApiClient, ExportedFile } from "../api/client";
import { loadChartPage, loadHomePage } from "../app/lazy-pages";
import { reportIfUnauthenticated } from "../auth/session-events";
import { loadOperationChecks } from "../editor/lazy-operation-checks";
import type { LiveSocket } from "../editor/types";
import { preloadInterchangeDialogs } from "../interchange/lazy-dialogs";
import type { FakeServer } from "./editor-fixtures";

// The pages, dialogs and the editor's checks are lazy chunks. Load their code once, before
// any test renders, so no test's waiting time includes transforming it on demand (seconds
// on a busy machine), and edits are checked as they are once the page has been idle.
await Promise.all([
  loadChartPage(),
  loadHomePage(),
  preloadInterchangeDialogs(),
  loadOperationChecks(),
]);

/** The account the fake API is signed in as: the instance owner. */
export const ME: Account = {
  id: "5b1f0c1e-2f4d-4c6b-8a11-3c9d2e7f6a10",
  email: "ada@example.com",
  name: "Ada Lovelace",
  admin: true,
};

const notFaked = (name: string) => async (): Promise<never> => {
  throw new Error(`${name} not faked`);
};

/** An ApiClient whose every method is a vi.fn with a harmless default answer. */
export function fakeApi(overrides: Partial<ApiClient> = {}) {
  const api = {
    getAuthState: vi.fn(async () => ({ setup: false })),
    getMe: vi.fn(async (): Promise<MeResponse> => ({ account: ME })),
    setUp: vi.fn(async () => ({ account: ME })),
    signUp: vi.fn(async () => ({ account: ME })),
    logIn: vi.fn(async () => ({ account: ME })),
    logOut: vi.fn(async () => {}),
    joinAsGuest: vi.fn(notFaked("joinAsGuest")),
    listTokens: vi.fn(async () => ({ tokens: [] })),
    createToken: vi.fn(notFaked("createToken")),
    deleteToken: vi.fn(async () => {}),
    listMembers: vi.fn(async () => ({
      owner: { id: ME.id, name: ME.name, email: ME.email },
      members: [],
    })),
    addMember: vi.fn(notFaked("addMember")),
    setMemberAccess: vi.fn(notFaked("setMemberAccess")),
    removeMember: vi.fn(async () => {}),
    listLinks: vi.fn(async () => ({ links: [] })),
    createLink: vi.fn(notFaked("createLink")),
    revokeLink: vi.fn(async () => {}),
    listAccounts: vi.fn(async () => ({
      accounts: [{ ...ME, createdAt: "2026-11-01T09:00:00.000Z" }],
    })),
    deleteAccount: vi.fn(async () => {}),
    listInvites: vi.fn(async () => ({ invites: [] })),
    createInvite: vi.fn(notFaked("createInvite")),
    revokeInvite: vi.fn(async () => {}),
    listCharts: vi.fn(async () => ({
      charts: [] as ChartListItem[],
      total: 0,
      limit: 100,
      offset: 0,
    })),
    getChart: vi.fn(async (): Promise<ChartRecord> => {
      throw new Error("getChart not faked");
    }),
    createChart: vi.fn(async (): Promise<ChartRecord> => {
      throw new Error("createChart not faked");
    }),
    deleteChart: vi.fn(async () => {}),
    postOperations: vi.fn(async (id: string) => ({
      id,
      version: 2,
      updatedAt: new Date().toISOString(),
      findings: [],
    })),
    getFindings: vi.fn(async () => ({ findings: [] })),
    listTemplates: vi.fn(async () => ({ templates: listTemplates() as TemplateSummary[] })),
    previewImport: vi.fn(async (): Promise<ImportPreview> => {
      throw new Error("previewImport not faked");
    }),
    importChart: vi.fn(async (): Promise<ChartRecord> => {
      throw new Error("importChart not faked");
    }),
    exportChart: vi.fn(async (): Promise<ExportedFile> => {
      throw new Error("exportChart not faked");
    }),
    listScenarios: vi.fn(async () => ({ scenarios: [] as Scenario[] })),
    createScenario: vi.fn(notFaked("createScenario")),
    compareCharts: vi.fn(notFaked("compareCharts")),
    promoteScenario: vi.fn(notFaked("promoteScenario")),
    exportComparison: vi.fn(notFaked("exportComparison")),
    listComments: vi.fn(async () => ({ comments: [] as Comment[] })),
    createComment: vi.fn(notFaked("createComment")),
    updateComment: vi.fn(notFaked("updateComment")),
    deleteComment: vi.fn(async () => {}),
    listVersions: vi.fn(async () => ({ versions: [] as VersionSummary[], next: null })),
    getVersion: vi.fn(notFaked("getVersion")),
    restoreVersion: vi.fn(notFaked("restoreVersion")),
    listRounds: vi.fn(async () => ({ rounds: [] as Round[] })),
    startRound: vi.fn(notFaked("startRound")),
    saveRoundVotes: vi.fn(notFaked("saveRoundVotes")),
    revealRound: vi.fn(notFaked("revealRound")),
    removeRound: vi.fn(async () => {}),
    downloadRoundVotes: vi.fn(notFaked("downloadRoundVotes")),
    // A connection that never opens (the editor stays "connecting"); a test of live
    // behaviour passes a FakeServer's `openLive` (test/editor-fixtures).
    openLive: vi.fn(
      (): LiveSocket => ({
        readyState: 0,
        send: () => {},
        close: () => {},
        addEventListener: () => {},
      }),
    ),
    ...overrides,
  };
  return api satisfies ApiClient;
}

/** A fake API whose chart and live connection are `server`'s (test/editor-fixtures). */
export function liveApi(server: FakeServer, overrides: Partial<ApiClient> = {}) {
  return fakeApi({
    getChart: vi.fn(() => server.getChart()),
    openLive: vi.fn((id: string) => server.openLive(id)),
    ...overrides,
  });
}

function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname}</output>;
}

/**
 * The whole app at `path`, on a fake API, with a fresh cache that does not retry and that
 * reports a 401 as the app's does (app/query-client).
 */
export function renderApp(path: string, api: ApiClient = fakeApi(), extra?: ReactNode) {
  const queryClient = new QueryClient({
    queryCache: new QueryCache({ onError: reportIfUnauthenticated }),
    mutationCache: new MutationCache({ onError: reportIfUnauthenticated }),
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  return render(
    <ApiClientProvider client={api}>
      <AppProviders queryClient={queryClient}>
        <MemoryRouter initialEntries={[path]}>
          <AppRoutes />
          <LocationProbe />
          {extra}
        </MemoryRouter>
      </AppProviders>
    </ApiClientProvider>,
  );
}

export function chartListItem(overrides: Partial<ChartListItem> = {}): ChartListItem {
  return {
    id: "4a8e7c1e-1d7b-4a55-9f0a-0d2f3c4b5a61",
    name: "Acme technology leadership",
    version: 3,
    updatedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    counts: { roles: 11, responsibilities: 18, errors: 2, warnings: 1, infos: 0 },
    access: "owner",
    owner: { id: ME.id, name: ME.name },
    ...overrides,
  };
}

import { useMutation, useQuery } from '@apollo/client/react';
import {
  AcceptActionProposalDocument,
  ActionProposalsDocument,
  type ProposalFieldsFragment,
  ProgrammeWarningsDocument,
  RejectActionProposalDocument,
  refusalOf,
  useViewerCan,
  WithdrawActionProposalDocument,
} from '@tiltak/dashboard-data-access';
import { formatDateTime, useDocumentTitle, useI18n } from '@tiltak/dashboard-i18n';
import { OutcomeMessage, StatusMessage } from '@tiltak/dashboard-ui';
import { useState } from 'react';
import { Link } from 'react-router';
import { ProposalChanges } from './proposal-changes';
import { WarningsList } from './warnings-list';

/**
 * `/proposals`, "Endringsforslag": changes proposed to actions of every municipality. The
 * secretariat accepts or rejects the pending ones; a coordinator sees and may withdraw their own.
 * Below, where the programme contradicts a municipality's decision.
 */
export function ProposalsPage() {
  const { t } = useI18n();
  const decides = useViewerCan()?.decideProposals ?? false;
  const { data, error } = useQuery(ActionProposalsDocument, { variables: decides ? {} : { mine: true } });
  const warnings = useQuery(ProgrammeWarningsDocument);
  const [said, setSaid] = useState<{ text: string; refused: boolean } | null>(null);
  const refetchQueries = [ActionProposalsDocument];
  const [accept] = useMutation(AcceptActionProposalDocument, { refetchQueries });
  const [reject] = useMutation(RejectActionProposalDocument, { refetchQueries });
  const [withdraw] = useMutation(WithdrawActionProposalDocument, { refetchQueries });

  useDocumentTitle(t('proposals.title'));

  const act = async (run: () => Promise<unknown>, done: string) => {
    setSaid(null);
    try {
      await run();
      setSaid({ text: done, refused: false });
    } catch (problem) {
      const refusal = refusalOf(problem);
      setSaid({ text: t(`refusal.${refusal.reason}`, { reason: refusal.detail }), refused: true });
    }
  };
  const input = (p: ProposalFieldsFragment, comment?: string) => ({
    variables: { input: { proposalId: p.id, expectedVersion: p.version, ...(comment && { comment }) } },
  });

  const proposals = data?.actionProposals ?? [];
  return (
    <>
      <h1>{t('proposals.title')}</h1>
      <p className="lead">{t(decides ? 'proposals.introSecretariat' : 'proposals.introOthers')}</p>
      <section aria-labelledby="proposals-title">
        <h2 id="proposals-title">{t(decides ? 'proposals.all' : 'proposals.mine')}</h2>
        <OutcomeMessage text={said?.text} refused={said?.refused} />
        {error && !data && <StatusMessage kind="error">{t('status.error')}</StatusMessage>}
        {!data && !error && <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>}
        {data && proposals.length === 0 && <p>{t('proposals.none')}</p>}
        {proposals.length > 0 && (
          <ul className="proposal-list">
            {proposals.map((p) => (
              <li key={p.id} className="panel">
                <h3>
                  <Link to={`/actions/${p.action.id}`}>
                    {p.action.code} {p.action.title}
                  </Link>
                </h3>
                <ProposalMeta proposal={p} />
                <ProposalChanges changes={p.changes} />
                <p>{t('proposals.reason', { comment: p.comment })}</p>
                {p.decisionComment && <p>{t('proposals.decisionComment', { comment: p.decisionComment })}</p>}
                <div className="button-row">
                  {p.viewerCan.decide && (
                    <button
                      type="button"
                      onClick={() => void act(() => accept(input(p)), t('proposals.accepted', { code: p.action.code }))}
                    >
                      {t('proposals.accept', { code: p.action.code })}
                    </button>
                  )}
                  {p.viewerCan.withdraw && (
                    <button
                      type="button"
                      onClick={() =>
                        void act(() => withdraw(input(p)), t('proposals.withdrawn', { code: p.action.code }))
                      }
                    >
                      {t('proposals.withdraw', { code: p.action.code })}
                    </button>
                  )}
                </div>
                {p.viewerCan.decide && (
                  <RejectForm
                    proposal={p}
                    onReject={(comment) =>
                      act(() => reject(input(p, comment)), t('proposals.rejected', { code: p.action.code }))
                    }
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="warnings-list-title">
        <h2 id="warnings-list-title">{t('warnings.title')}</h2>
        <p>{t('warnings.intro')}</p>
        {warnings.data && warnings.data.programmeWarnings.length === 0 && <p>{t('warnings.none')}</p>}
        {warnings.data && <WarningsList warnings={warnings.data.programmeWarnings} showAction />}
      </section>
    </>
  );
}

function ProposalMeta({ proposal }: { proposal: ProposalFieldsFragment }) {
  const { t, locale } = useI18n();
  return (
    <p>
      {t(`proposals.state.${proposal.state}`)} ·{' '}
      {t('proposals.proposedOn', { date: formatDateTime(locale, proposal.createdAt) })}
      {proposal.proposedBy && ` · ${proposal.proposedBy}`}
      {proposal.decidedBy && ` · ${t('proposals.decidedBy', { name: proposal.decidedBy })}`}
    </p>
  );
}

function RejectForm({
  proposal,
  onReject,
}: {
  proposal: ProposalFieldsFragment;
  onReject(comment: string): Promise<void>;
}) {
  const { t } = useI18n();
  const fieldId = `reject-${proposal.id}`;
  return (
    <form
      className="stacked-form"
      aria-label={t('proposals.rejectForm', { code: proposal.action.code })}
      onSubmit={(event) => {
        event.preventDefault();
        const comment = String(new FormData(event.currentTarget).get('comment') ?? '').trim();
        void onReject(comment);
      }}
    >
      <label htmlFor={fieldId}>{t('proposals.rejectReason')}</label>
      <textarea id={fieldId} name="comment" required maxLength={2000} />
      <div className="button-row">
        <button type="submit">{t('proposals.reject', { code: proposal.action.code })}</button>
      </div>
    </form>
  );
}

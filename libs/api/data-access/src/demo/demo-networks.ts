/**
 * The demo region's register of networks and clusters (invented, like the parties they act as):
 * some older than the programme, some founded by its actions. The "new networks" and "new
 * clusters" indicators are computed from it.
 */
import type { DemoNetwork } from './demo-content.types';

export const DEMO_NETWORKS: DemoNetwork[] = [
  {
    name: 'Logistikknettverket rundt Oslo lufthavn',
    kind: 'NETWORK',
    foundedOn: '2025-10-15',
    foundingAction: 'LOG-1',
    members: { ullensaker: 18, nannestad: 7, eidsvoll: 3, gjerdrum: 2, nes: 1 },
  },
  {
    name: 'Nettverk for kreative næringer',
    kind: 'NETWORK',
    foundedOn: '2025-06-12',
    party: 'kreativt-nettverk',
    foundingAction: 'KRE-1',
    members: { eidsvoll: 9, ullensaker: 7, nes: 4, hurdal: 3 },
  },
  {
    name: 'Leverandørnettverket for offentlige anskaffelser',
    kind: 'NETWORK',
    foundedOn: '2026-03-10',
    foundingAction: 'SMA-1',
    members: { ullensaker: 6, nes: 3, eidsvoll: 2 },
  },
  {
    name: 'Vertskapsnettverket for reiselivsbedrifter',
    kind: 'NETWORK',
    foundedOn: '2024-11-01',
    party: 'vertskapsnettverk',
    members: { hurdal: 6, eidsvoll: 5, nannestad: 4, ullensaker: 9 },
  },
  {
    name: 'Gründernettverket i regionen',
    kind: 'NETWORK',
    foundedOn: '2023-09-01',
    party: 'grundernettverk',
    members: { ullensaker: 12, nannestad: 5, gjerdrum: 3 },
  },
  {
    name: 'Landbruksnettverket for skog og jord',
    kind: 'NETWORK',
    foundedOn: '2019-03-01',
    party: 'landbruksforum',
    members: { nes: 22, eidsvoll: 11, nannestad: 9, hurdal: 8, gjerdrum: 6, ullensaker: 4 },
  },
  {
    name: 'Klyngen for bioøkonomi',
    kind: 'CLUSTER',
    foundedOn: '2022-11-01',
    party: 'bioklyngen',
    members: { nes: 18, eidsvoll: 7, nannestad: 6, hurdal: 5, gjerdrum: 4, ullensaker: 3 },
  },
  {
    name: 'Klyngen for logistikk og transport',
    kind: 'CLUSTER',
    foundedOn: '2021-05-01',
    party: 'logistikklyngen',
    members: { ullensaker: 21, nannestad: 8, nes: 4, eidsvoll: 3 },
  },
  {
    name: 'Klyngen for grønn bygg- og anleggsnæring',
    kind: 'CLUSTER',
    foundedOn: '2026-05-05',
    party: 'byggklyngen',
    members: { ullensaker: 6, nes: 3, nannestad: 2 },
  },
];

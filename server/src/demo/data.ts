/**
 * Demo workspace content for Council.
 *
 * A multinational retailer's customer service with eight regions, one coordinator per
 * region, a facilitator (who also coordinates the Nordics), an executive and an admin.
 * The issues are the kind of shared problems regional coordinators raise: returns,
 * refunds, carriers, pricing rules, product data, training and tooling.
 *
 * Pure data: the seeding code turns relative ages (daysAgo) into timestamps.
 * Invariants (checked when this file was written): every referenced email and category
 * exists; supports come from other regions than the raiser's, at most one per region and
 * person; supports and comments are never older than their issue; mergeInto points at an
 * issue that is not itself merged.
 */
import type { CategoryTranslations } from '../modules/people/people.entity.js';

export interface DemoRegion { code: string; name: string; timeZone: string }
export interface DemoCategory { key: string; name: string; translations: CategoryTranslations }
export interface DemoUser {
  email: string;
  name: string;
  roles: ('COORDINATOR' | 'FACILITATOR' | 'EXECUTIVE' | 'ADMIN' | 'DEPARTMENT_CONTACT')[];
  regionCode: string | null;
  locale: 'en' | 'de' | 'da' | 'es' | 'vi';
}
export interface DemoSupport { by: string; note?: string; daysAgo: number }
export interface DemoComment { by: string; body: string; daysAgo: number }
export interface DemoIssue {
  key: string;
  title: string;
  description: string;
  evidence?: string;
  categoryKey: string;
  raisedBy: string;
  daysAgo: number;
  supports: DemoSupport[];
  comments: DemoComment[];
  status?: 'OPEN' | 'UNDER_DISCUSSION' | 'CLOSED';
  mergeInto?: string;
}

export const DEMO_PASSWORD = 'council-demo';

export const demoRegions: DemoRegion[] = [
  { code: 'NORD', name: 'Nordics', timeZone: 'Europe/Copenhagen' },
  { code: 'DACH', name: 'DACH', timeZone: 'Europe/Berlin' },
  { code: 'IBER', name: 'Iberia', timeZone: 'Europe/Madrid' },
  { code: 'UKI', name: 'UK & Ireland', timeZone: 'Europe/London' },
  { code: 'BNLX', name: 'Benelux', timeZone: 'Europe/Amsterdam' },
  { code: 'SEA', name: 'Southeast Asia', timeZone: 'Asia/Ho_Chi_Minh' },
  { code: 'NAE', name: 'North America East', timeZone: 'America/New_York' },
  { code: 'LATAM', name: 'Latin America', timeZone: 'America/Mexico_City' },
];

export const demoCategories: DemoCategory[] = [
  { key: 'returns', name: 'Returns', translations: { de: 'Rückgaben', da: 'Returneringer', es: 'Devoluciones', vi: 'Trả hàng' } },
  { key: 'billing', name: 'Billing', translations: { de: 'Abrechnung', da: 'Fakturering', es: 'Facturación', vi: 'Thanh toán' } },
  { key: 'shipping', name: 'Shipping', translations: { de: 'Versand', da: 'Forsendelse', es: 'Envíos', vi: 'Vận chuyển' } },
  { key: 'pricing', name: 'Pricing', translations: { de: 'Preise', da: 'Priser', es: 'Precios', vi: 'Giá cả' } },
  { key: 'products', name: 'Products', translations: { de: 'Produkte', da: 'Produkter', es: 'Productos', vi: 'Sản phẩm' } },
  { key: 'training', name: 'Staff & training', translations: { de: 'Personal & Schulung', da: 'Personale & oplæring', es: 'Personal y formación', vi: 'Nhân viên & đào tạo' } },
  { key: 'tools', name: 'Tools & systems', translations: { de: 'Werkzeuge & Systeme', da: 'Værktøjer & systemer', es: 'Herramientas y sistemas', vi: 'Công cụ & hệ thống' } },
];

/** Emails by region, to keep the issue list readable. */
const C = {
  FAC: 'facilitator@council.test',
  NORD: 'coordinator1@council.test',
  DACH: 'coordinator2@council.test',
  IBER: 'coordinator3@council.test',
  UKI: 'coordinator4@council.test',
  BNLX: 'coordinator5@council.test',
  SEA: 'coordinator6@council.test',
  NAE: 'coordinator7@council.test',
  LATAM: 'coordinator8@council.test',
} as const;

export const demoUsers: DemoUser[] = [
  { email: 'admin@council.test', name: 'Daniel Okafor', roles: ['ADMIN'], regionCode: null, locale: 'en' },
  { email: C.FAC, name: 'Kirsten Lund', roles: ['FACILITATOR', 'COORDINATOR'], regionCode: 'NORD', locale: 'da' },
  { email: 'executive@council.test', name: 'Catherine Walsh', roles: ['EXECUTIVE'], regionCode: null, locale: 'en' },
  { email: C.NORD, name: 'Mette Sørensen', roles: ['COORDINATOR'], regionCode: 'NORD', locale: 'da' },
  { email: C.DACH, name: 'Jonas Becker', roles: ['COORDINATOR'], regionCode: 'DACH', locale: 'de' },
  { email: C.IBER, name: 'Lucía Fernández', roles: ['COORDINATOR'], regionCode: 'IBER', locale: 'es' },
  { email: C.UKI, name: 'Siobhan Murphy', roles: ['COORDINATOR'], regionCode: 'UKI', locale: 'en' },
  { email: C.BNLX, name: 'Pieter de Vries', roles: ['COORDINATOR'], regionCode: 'BNLX', locale: 'en' },
  { email: C.SEA, name: 'Nguyễn Thị Lan', roles: ['COORDINATOR'], regionCode: 'SEA', locale: 'vi' },
  { email: C.NAE, name: 'Marcus Reed', roles: ['COORDINATOR'], regionCode: 'NAE', locale: 'en' },
  { email: C.LATAM, name: 'Camila Rojas', roles: ['COORDINATOR'], regionCode: 'LATAM', locale: 'es' },
  // Contacts in other departments: they see and answer only what is referred to them.
  { email: 'billing@council.test', name: 'Anna Schneider', roles: ['DEPARTMENT_CONTACT'], regionCode: null, locale: 'de' },
  { email: 'logistics@council.test', name: 'Rafael Gómez', roles: ['DEPARTMENT_CONTACT'], regionCode: null, locale: 'es' },
  { email: 'product@council.test', name: 'Emma Nielsen', roles: ['DEPARTMENT_CONTACT'], regionCode: null, locale: 'da' },
];

export interface DemoDepartment {
  name: string;
  contacts: string[];
}

export const demoDepartments: DemoDepartment[] = [
  { name: 'Billing', contacts: ['billing@council.test'] },
  { name: 'Logistics', contacts: ['logistics@council.test'] },
  { name: 'Product', contacts: ['product@council.test'] },
];

export interface DemoReferral {
  issueKey: string;
  department: string;
  by: string;
  question: string;
  daysAgo: number;
  /** Days from now (negative: in the past, so it is overdue if unanswered). */
  dueInDays?: number;
  answer?: { by: string; body: string; daysAgo: number };
}

/** Questions to the departments: one answered, one open and due later, one overdue. */
export const demoReferrals: DemoReferral[] = [
  {
    issueKey: 'bnpl-reminders-after-refund',
    department: 'Billing',
    by: C.FAC,
    question: 'When we refund an order paid with buy-now-pay-later, how long until the provider stops its reminders? Can Billing cancel them at once?',
    daysAgo: 12,
    answer: {
      by: 'billing@council.test',
      body: 'The refund reaches the provider within **2 working days**; their reminders stop when it arrives. Since last week Billing also sends a cancellation request with every refund, so reminders should stop the same day. Tell us about any case where they do not.',
      daysAgo: 9,
    },
  },
  {
    issueKey: 'carrier-missed-delivery-slots',
    department: 'Logistics',
    by: C.DACH,
    question: 'Do we get the carrier’s reports of missed slots for large items? We would like the numbers per region for the last three months.',
    daysAgo: 3,
    dueInDays: 10,
  },
  {
    issueKey: 'furniture-dimensions-wrong',
    department: 'Product',
    by: C.NORD,
    question: 'Who keeps the furniture dimensions on the website, and can they be checked against the supplier sheets before the next catalogue?',
    daysAgo: 20,
    dueInDays: -6,
  },
];

export const demoIssues: DemoIssue[] = [
  // ───────────────────────────── Returns ─────────────────────────────
  {
    key: 'returns-window-holiday-gifts',
    title: '30-day return window is too short for holiday gifts',
    description: `Gifts bought in early November are already outside the 30-day return window when they are unwrapped on 24–25 December. Every January we get a wave of contacts from gift recipients who are refused a return, and agents end up making goodwill exceptions case by case.

**What happens today**
- Return window: 30 days from delivery, no seasonal extension
- Gift receipts exist in stores, but not for web orders
- Exceptions are approved by team leads, so the outcome differs between agents and between regions

**What we'd like to discuss**
An extended window for purchases made between 1 November and 24 December (e.g. returns accepted until 31 January), and a gift-receipt option for web orders.`,
    evidence: 'Nordics: 212 contacts about refused gift returns in January (≈ 18 % of all returns contacts); 61 goodwill exceptions granted. Tickets #NO-20418, #NO-20533.',
    categoryKey: 'returns',
    raisedBy: C.NORD,
    daysAgo: 95,
    supports: [
      { by: C.DACH, note: 'Same in DACH: ~150 contacts in January, mostly toys and electronics', daysAgo: 90 },
      { by: C.IBER, note: 'Worse for us: gifts are given on 6 January (Reyes)', daysAgo: 87 },
      { by: C.UKI, note: 'Boxing Day to mid-January is our returns peak, same pattern', daysAgo: 88 },
      { by: C.BNLX, note: 'Sinterklaas gifts (5 December) have the same problem', daysAgo: 84 },
      { by: C.LATAM, daysAgo: 75 },
      { by: C.SEA, note: 'Smaller volume, but the same issue around Tết', daysAgo: 60 },
    ],
    comments: [
      { by: C.DACH, daysAgo: 89, body: 'We already run an unofficial extension: team leads approve returns up to 15 January without asking. It works, but it is invisible in the policy, so new agents refuse and the customer calls back. I would rather make it official.' },
      { by: C.IBER, daysAgo: 86, body: 'For Iberia the key date is **6 January** (Reyes Magos), not 25 December. Any extension should run at least to the end of January, otherwise it does not help us.' },
      { by: C.UKI, daysAgo: 70, body: `Figures from UK & Ireland, last season:

- 1,340 returns contacts in the first two weeks of January
- 27 % of them outside the 30-day window
- average handling time 9.5 min (vs. 6 min normally), because of the back-and-forth with team leads` },
      { by: C.FAC, daysAgo: 40, body: 'I will put this on the agenda of the next coordinators\' meeting. Could someone check with finance whether an extended window affects Q4 revenue recognition? That was the objection last time.' },
      { by: C.NORD, daysAgo: 33, body: 'Tak! Jeg har spurgt økonomiafdelingen. Kort version: det er ikke et problem, så længe returneringerne bogføres i januar. I will draft the proposal before the meeting.' },
    ],
  },
  {
    key: 'returns-label-no-printer',
    title: "Return labels require a printer many customers don't have",
    description: `The returns portal only produces a PDF label to print. A growing share of customers, especially younger ones and people who shop on mobile only, don't own a printer and contact us asking for a label by post or a QR code.

Our carrier (and most carriers in the other regions) supports paperless QR-code returns at drop-off points, but the portal doesn't offer it.

- Agents currently post paper labels by hand: about 2 working days of delay, plus postage
- Some customers give up and raise a chargeback instead`,
    evidence: 'UKI: ≈ 60 contacts a week asking for a posted label; 14 chargebacks last quarter citing "unable to return". Tickets #UK-88120, #UK-88347.',
    categoryKey: 'returns',
    raisedBy: C.UKI,
    daysAgo: 40,
    supports: [
      { by: C.NORD, note: "PostNord offers QR codes, we just don't use them", daysAgo: 38 },
      { by: C.BNLX, note: '~25 requests a week; PostNL and bpost both support QR', daysAgo: 35 },
      { by: C.DACH, note: 'DHL Retoure supports QR too', daysAgo: 30 },
      { by: C.NAE, daysAgo: 21 },
    ],
    comments: [
      { by: C.BNLX, daysAgo: 34, body: 'Workaround in Benelux: agents create the return in the carrier\'s business portal and email the QR code to the customer. About 4 minutes per case, but faster than posting a label.' },
      { by: C.NORD, daysAgo: 25, body: 'Has anyone asked the e-commerce team whether QR labels are on their roadmap? If it is just a carrier setting, we could propose it as a quick win.' },
      { by: C.UKI, daysAgo: 20, body: 'I asked: it is on the backlog but not prioritised. They said a proposal from the coordinators **with figures** would help them argue for it.' },
    ],
  },
  {
    key: 'returns-opened-hygiene-items',
    title: 'Unclear rules for returning opened hygiene and beauty products',
    description: `Our returns policy says "hygiene products can't be returned once the seal is broken", but it doesn't say which products count. Agents decide differently for electric toothbrushes, shavers, in-ear headphones, cosmetics and swimwear.

Customers compare notes online and call again until they get an agent who says yes.

Suggestion: a product-category list, maintained by the product team, that shows in the CRM next to the order line ("sealed hygiene item: returnable only unopened").`,
    evidence: 'DACH: 38 escalations in 6 weeks where customers got different answers. Examples #DE-55102 (in-ear headphones), #DE-55317 (shaver).',
    categoryKey: 'returns',
    raisedBy: C.DACH,
    daysAgo: 28,
    supports: [
      { by: C.IBER, note: 'Same with in-ear headphones, ~10 cases a month', daysAgo: 25 },
      { by: C.FAC, note: 'We see the same inconsistency with swimwear', daysAgo: 20 },
    ],
    comments: [
      { by: C.UKI, daysAgo: 22, body: 'For reference: in the UK the Consumer Contracts Regulations allow excluding sealed goods that are unsuitable for return for health reasons **once unsealed**, but only if the customer was told before purchase. So the product page needs to say it, not just our policy.' },
      { by: C.DACH, daysAgo: 18, body: 'Good point, it is the same under German law (§ 312g BGB). So this is partly a product-page issue. I have added that to the description.' },
    ],
  },
  {
    key: 'returns-web-orders-in-store',
    title: 'Stores refuse in-store returns of web orders',
    description: `Our policy says web orders can be returned in any store, but several stores in the Netherlands and Belgium refuse them, saying the till can't find the order. The customer then contacts us, angry, and we have to arrange a carrier pickup.

What we found so far:
1. The till finds web orders only by order number, not by email address or card
2. Stores on the older till version can't process web returns at all
3. Store staff were not trained on the process after the last till update`,
    evidence: 'BNLX: 94 complaints in 8 weeks, 31 of them about the Rotterdam and Antwerp stores. Tickets #NL-30211, #BE-12009.',
    categoryKey: 'returns',
    raisedBy: C.BNLX,
    daysAgo: 60,
    supports: [
      { by: C.DACH, note: 'Happens in Austria, ~5 cases a week', daysAgo: 55 },
      { by: C.UKI, daysAgo: 53 },
      { by: C.NAE, note: 'Same pattern in stores on the old POS version', daysAgo: 41 },
    ],
    comments: [
      { by: C.UKI, daysAgo: 52, body: 'We fixed part of this in UKI by sending the customer a return-authorisation email with the order number as a barcode. Store staff scan it and the till finds the order. Happy to share the template.' },
      { by: C.BNLX, daysAgo: 47, body: '@Siobhan that would be great, please share. The till version problem remains though: retail ops say the last stores will be updated in spring.' },
      { by: C.NAE, daysAgo: 40, body: 'Retail ops in NAE told us the same. Could we ask for a list of stores on the old till, so the CRM warns agents before they send a customer there?' },
    ],
  },
  {
    key: 'returns-bulky-items-pickup',
    title: 'No pickup option for returning bulky items',
    description: `Customers returning furniture, mattresses or large appliances have to bring them to a store or a drop-off point. Outside the big cities in Mexico, Colombia and Chile this is often impossible, and the return window expires while customers look for transport.

We would like a pickup option for items above a size or weight limit, at least within the carrier network that delivered them.`,
    evidence: 'LATAM: ≈ 25 contacts a week; average resolution time 11 days; 18 % end in a chargeback or a complaint to the consumer authority (PROFECO in Mexico).',
    categoryKey: 'returns',
    raisedBy: C.LATAM,
    daysAgo: 70,
    supports: [
      { by: C.NAE, note: 'Same for mattresses; we pay an ad-hoc courier today', daysAgo: 66 },
      { by: C.SEA, daysAgo: 60 },
    ],
    comments: [
      { by: C.NAE, daysAgo: 62, body: 'In NAE we book a pickup with the delivery carrier by hand, about $45 per pickup. It is not in any policy; team leads approve it. A formal rule would at least make it consistent.' },
    ],
  },
  {
    key: 'refunds-cash-on-delivery',
    title: 'No way to refund cash-on-delivery orders',
    description: `In Vietnam and Indonesia most orders are paid cash on delivery. When such an order is returned, the refund process expects a card or wallet to credit, so it fails, and the ticket sits in a queue until someone collects the customer's bank details by phone.

- No secure form to collect bank account details
- Finance asks us to email the details, which we shouldn't do
- Customers wait 2–4 weeks

We need a defined refund route for COD orders: bank transfer via a secure form, or e-wallets such as MoMo or ZaloPay.`,
    evidence: 'SEA: ~40 % of orders are COD; 320 open refund tickets for COD orders, the oldest 37 days old.',
    categoryKey: 'returns',
    raisedBy: C.SEA,
    daysAgo: 50,
    supports: [
      { by: C.LATAM, note: 'Same for cash payments at OXXO in Mexico', daysAgo: 45 },
    ],
    comments: [
      { by: C.LATAM, daysAgo: 44, body: 'For OXXO cash payments we refund by bank transfer too. The payments team gave us a secure form last year; not perfect, but much better than email. Ask for the "refund details form", it may be reusable for SEA.' },
      { by: C.SEA, daysAgo: 39, body: 'Cảm ơn Camila! Mình đã liên hệ nhóm thanh toán, họ đồng ý thử biểu mẫu này cho Việt Nam từ tháng sau.' },
    ],
  },
  {
    key: 'returns-christmas-purchases',
    title: 'Extend the return period for Christmas purchases',
    description: `Customers who buy gifts in November can't return them after the holidays because the 30-day window has already expired.

We handled about 300 of these contacts in NAE this January. Many US retailers offer a seasonal return period (purchases from 1 November returnable until 31 January); customers expect the same from us.`,
    evidence: 'NAE: ~300 contacts in January; examples #US-43011, #US-43098.',
    categoryKey: 'returns',
    raisedBy: C.NAE,
    daysAgo: 12,
    supports: [],
    comments: [
      { by: C.FAC, daysAgo: 10, body: 'Thanks Marcus, this is the same problem as *30-day return window is too short for holiday gifts*. Merging it there so the NAE figures sit with the other regions\' figures.' },
    ],
    mergeInto: 'returns-window-holiday-gifts',
  },
  {
    key: 'returns-exchange-requires-new-order',
    title: 'Exchanges require a full return and a new order',
    description: `There is no exchange option for web orders. A customer who wants a different size has to return the item, wait for the refund and order again. By then the size is often sold out, and during sales the customer loses the discount.

A simple "exchange for another size or colour of the same item" flow would remove a lot of contacts, especially in apparel.`,
    evidence: 'IBER: ~35 % of apparel returns are size changes (returns survey, last quarter).',
    categoryKey: 'returns',
    raisedBy: C.IBER,
    daysAgo: 16,
    supports: [],
    comments: [],
  },

  // ───────────────────────────── Billing ─────────────────────────────
  {
    key: 'refunds-delayed-finance-batch',
    title: "Refunds delayed up to 9 days by finance's weekly batch run",
    description: `Refunds approved by customer service are only paid out when finance runs its refund batch, once a week on Thursday night. A return received on a Friday waits almost a week before the money leaves our account, and the bank adds another 2–3 days.

Customers see "refund approved" in their account and call us when nothing arrives. We can't speed anything up; we can only apologise.

**Ask:** daily refund runs (or at least twice a week), and a realistic "expected by" date in the confirmation email.`,
    evidence: 'DACH: "Where is my refund?" is the #2 contact reason, ≈ 420 contacts a week. Average time from return received to money on the account: 8.6 days.',
    categoryKey: 'billing',
    raisedBy: C.DACH,
    daysAgo: 110,
    supports: [
      { by: C.UKI, note: '~15 % of our email volume', daysAgo: 106 },
      { by: C.NORD, note: '~180 contacts a week', daysAgo: 100 },
      { by: C.IBER, note: '~260 a week, peaks after sales', daysAgo: 99 },
      { by: C.BNLX, note: '~150 a week', daysAgo: 97 },
      { by: C.SEA, daysAgo: 95 },
      { by: C.NAE, daysAgo: 96 },
      { by: C.LATAM, note: '~100 a week, plus bank delays of up to 10 days', daysAgo: 90 },
    ],
    comments: [
      { by: C.UKI, daysAgo: 105, body: 'Same in UKI. "Where is my refund" is about 15 % of our email volume. The confirmation email says "within 3–5 days", which is simply not true when the batch runs weekly.' },
      { by: C.FAC, daysAgo: 98, body: 'I spoke with the finance process owner. The weekly batch exists because each run is reviewed manually for fraud. They are open to twice a week if we can show the contact volume. Could each region add its weekly figure here?' },
      { by: C.NAE, daysAgo: 96, body: 'NAE: ~310 "where is my refund" contacts a week, average handling time 5 min, so roughly **26 agent hours a week**.' },
      { by: C.SEA, daysAgo: 95, body: 'SEA: ~140 a week. For e-wallet refunds it takes even longer, because the batch file is sent to the wallet provider the day after the run.' },
      { by: C.NORD, daysAgo: 93, body: 'Nordics: ~180 a week. Also: MobilePay refunds fail silently in the batch about 2 % of the time, and nobody tells us.' },
      { by: C.DACH, daysAgo: 60, body: `Summary for the proposal draft:

| Region | Contacts / week |
|---|---|
| DACH | 420 |
| NAE | 310 |
| IBER | 260 |
| Nordics | 180 |
| BNLX | 150 |
| SEA | 140 |
| UKI | ~130 |
| LATAM | ~100 |

Total ≈ **1,690 contacts a week**, about 140 agent hours. Finance estimates a second weekly run at 4 review hours. I will turn this into a proposal.` },
    ],
  },
  {
    key: 'duplicate-charges-payment-provider',
    title: 'Duplicate card charges after payment provider timeouts',
    description: `When the payment provider times out at checkout, the customer sees an error and pays again. Both authorisations go through, so the customer is charged twice. The second one is usually reversed automatically after 7 days, but customers don't know that and contact us, or their bank.

We can't see the second authorisation in the CRM, so agents can't confirm what happened.

- Happens mostly in the evening peak (19:00–22:00)
- Card payments and Bizum are both affected`,
    evidence: 'IBER: 190 contacts in the last 4 weeks; 23 chargebacks. Examples #ES-70412, #ES-70455, #PT-11820.',
    categoryKey: 'billing',
    raisedBy: C.IBER,
    daysAgo: 45,
    supports: [
      { by: C.NORD, note: '~12 cases a week, mostly Dankort', daysAgo: 40 },
      { by: C.DACH, daysAgo: 42 },
      { by: C.UKI, daysAgo: 38 },
      { by: C.BNLX, note: 'Peak after the iDEAL timeout last month', daysAgo: 30 },
      { by: C.LATAM, daysAgo: 25 },
    ],
    comments: [
      { by: C.DACH, daysAgo: 41, body: 'We had the same after the provider\'s incident in September. The payments team can look up the second authorisation in the provider dashboard if you give them the order number, but it takes them about a day.' },
      { by: C.IBER, daysAgo: 37, body: `Gracias Jonas. A day is too long while the customer is on the phone. What I'd like:

1. a provider-side fix for the timeout
2. read access to the authorisation status in the CRM
3. a standard reply that explains the automatic reversal` },
      { by: C.UKI, daysAgo: 30, body: `+1 to a standard reply. This is the one we use in UKI, feel free to reuse it:

> We can see that your card was authorised twice for the same order. Only one payment will be taken; the second authorisation will disappear from your statement automatically within 7 days.` },
      { by: C.FAC, daysAgo: 20, body: 'The payments team confirmed that a fix for the timeout handling is in next month\'s release. I suggest we keep this open until we have seen the figures afterwards.' },
    ],
  },
  {
    key: 'b2b-invoices-wrong-vat',
    title: 'Invoices for business customers show the wrong VAT (no reverse charge)',
    description: `Business customers in another EU country who enter a valid VAT number at checkout should get an invoice with 0 % VAT and the reverse-charge note. Our invoices still show the local VAT rate, so the customer can't deduct it and asks for a corrected invoice.

Correcting an invoice means a credit note plus a new invoice from finance, which takes 1–2 weeks. Some business customers have stopped ordering from us because of it.`,
    evidence: 'BNLX: 70 correction requests last quarter, 12 days on average to resolve. Largest customer affected: a Belgian office-furniture reseller (≈ €40k a year).',
    categoryKey: 'billing',
    raisedBy: C.BNLX,
    daysAgo: 65,
    supports: [
      { by: C.DACH, note: 'Especially Austrian customers ordering from the German shop', daysAgo: 60 },
      { by: C.IBER, daysAgo: 50 },
      { by: C.NORD, daysAgo: 45 },
    ],
    comments: [
      { by: C.DACH, daysAgo: 58, body: 'We found the cause in one case: the VAT number is validated against VIES at checkout, and when VIES is down the order silently falls back to "consumer". Finance confirmed it.' },
      { by: C.BNLX, daysAgo: 50, body: `That matches what we see: the errors cluster on certain days. So two asks:

- retry the VIES check later instead of falling back
- let agents trigger a corrected invoice without a finance ticket` },
      { by: C.IBER, daysAgo: 44, body: 'Spain has an extra problem: invoices to the Canary Islands should carry no IVA at all (IGIC applies there), and they come out with 21 %.' },
    ],
  },
  {
    key: 'invoice-copies-self-service',
    title: "Customers can't download invoice copies themselves",
    description: `Invoice copies can only be sent by an agent. Customers need them for warranty claims, expense reports and insurance, and ask for them by email or phone. Simple work, but it adds up.

A "Download invoice" button in the customer account, for all orders and not just the last 90 days, would remove these contacts.`,
    evidence: 'Nordics: ≈ 90 invoice-copy requests a week (≈ 6 % of email volume).',
    categoryKey: 'billing',
    raisedBy: C.NORD,
    daysAgo: 20,
    supports: [
      { by: C.DACH, daysAgo: 18 },
      { by: C.BNLX, note: '~50 a week, mostly business customers', daysAgo: 15 },
    ],
    comments: [
      { by: C.DACH, daysAgo: 17, body: 'The account page shows invoices for 90 days only. Apparently that is a performance limit of the old order archive, not a policy. Worth asking IT whether the new archive removes it.' },
    ],
  },
  {
    key: 'bnpl-reminders-after-refund',
    title: 'Buy-now-pay-later reminders continue after a refund',
    description: `When a customer returns an order paid with our buy-now-pay-later partner, we issue the refund, but the partner keeps sending payment reminders, and sometimes a collection notice, until the refund is matched. That can take two weeks.

Customers are understandably upset to get a debt reminder for goods they have returned.`,
    evidence: 'UKI: 45 complaints in the last month, 6 escalated to the complaints team. Tickets #UK-90233, #UK-90311.',
    categoryKey: 'billing',
    raisedBy: C.UKI,
    daysAgo: 30,
    supports: [
      { by: C.NORD, note: 'Same with Klarna in Denmark and Sweden', daysAgo: 28 },
      { by: C.DACH, note: 'Klarna-Mahnungen nach Retoure, ~20 a week', daysAgo: 26 },
    ],
    comments: [
      { by: C.DACH, daysAgo: 25, body: 'Workaround in DACH: agents can pause the invoice in the partner\'s merchant portal for 14 days. Not every agent has access though, only team leads.' },
      { by: C.UKI, daysAgo: 21, body: 'Thanks, I did not know about the pause. We will ask for access for all senior agents. I still think a refund should pause the reminders **automatically**.' },
    ],
  },
  {
    key: 'refund-currency-difference',
    title: 'Cross-border refunds come back as a different amount',
    description: `Customers in Chile and Colombia who order from the Mexican web shop pay in MXN, converted by their card issuer. The refund is converted again at a different rate, so they receive less than they paid and think we kept a fee.

We need a clear explanation on the refund confirmation, and a rule for when we compensate the difference.`,
    evidence: 'LATAM: ~30 complaints a month; average difference 3–6 %.',
    categoryKey: 'billing',
    raisedBy: C.LATAM,
    daysAgo: 38,
    supports: [
      { by: C.NAE, note: 'Canadian customers on the US shop, same complaint', daysAgo: 35 },
    ],
    comments: [
      { by: C.NAE, daysAgo: 34, body: 'In NAE we compensate differences above $5 with store credit. It is informal, but it ends the conversation quickly.' },
      { by: C.LATAM, daysAgo: 30, body: 'Buena idea. I would like a threshold like that in the proposal. Does any other region have a rule?' },
    ],
  },
  {
    key: 'apple-pay-double-charge',
    title: 'Customers charged twice when paying with Apple Pay',
    description: `Several customers this week report two charges for one order after an error message at checkout. All of them paid with Apple Pay.

Our agents can't see the second charge in the CRM, so we can't tell the customer whether it will be reversed.`,
    evidence: 'NAE: ~40 cases since Monday, e.g. #US-44102, #US-44150.',
    categoryKey: 'billing',
    raisedBy: C.NAE,
    daysAgo: 8,
    supports: [],
    comments: [
      { by: C.FAC, daysAgo: 6, body: 'Thanks Marcus, this is the same pattern as *Duplicate card charges after payment provider timeouts*: wallet payments go through the same provider. Merging it there so the figures are in one place.' },
    ],
    mergeInto: 'duplicate-charges-payment-provider',
  },
  {
    key: 'gift-card-balance-lookup',
    title: "Agents can't check gift card balances or history",
    description: `Customers often call because a gift card was declined or shows a lower balance than expected. Agents have no access to the gift card system, so we open a ticket with the gift card team and call the customer back, typically 2–3 days later.

Read-only access to balance and transaction history in the CRM would let us answer on the first contact.`,
    evidence: 'NAE: ≈ 70 gift card contacts a week, 85 % need a callback. After the holidays: 300+ a week.',
    categoryKey: 'billing',
    raisedBy: C.NAE,
    daysAgo: 11,
    supports: [
      { by: C.UKI, note: 'Same; our gift card team only works weekdays', daysAgo: 10 },
      { by: C.LATAM, daysAgo: 9 },
    ],
    comments: [
      { by: C.UKI, daysAgo: 9, body: 'Related: gift card amounts on a partly returned order are refunded as a **new** gift card, and customers think the original card was "emptied". Read access to the history would help there too.' },
    ],
  },

  // ───────────────────────────── Shipping ─────────────────────────────
  {
    key: 'carrier-missed-delivery-slots',
    title: 'Carrier misses booked delivery slots for large items',
    description: `For two-person deliveries (furniture, appliances) customers book a 2-hour slot and often take a day off work. Our large-item carrier misses about 1 in 8 slots, often without notice, and rebooking takes us 20+ minutes on the phone with the carrier.

- No compensation rule: agents give anything from nothing to £50
- The carrier's SLA report isn't shared with customer service
- Customers complain on social media, which lands with us as well`,
    evidence: 'UKI: 14 % of two-person deliveries missed in the last 8 weeks (carrier data), ≈ 110 complaints a week. Examples #UK-87510, #UK-87744.',
    categoryKey: 'shipping',
    raisedBy: C.UKI,
    daysAgo: 85,
    supports: [
      { by: C.DACH, note: 'Our freight carrier misses ~10 %', daysAgo: 80 },
      { by: C.NAE, daysAgo: 78 },
      { by: C.IBER, daysAgo: 70 },
      { by: C.BNLX, daysAgo: 60 },
    ],
    comments: [
      { by: C.NAE, daysAgo: 79, body: 'NAE agreed a $25 credit for every missed slot with our carrier, charged back to them. It took 3 months of negotiation, but it works. I can share the contract clause.' },
      { by: C.UKI, daysAgo: 74, body: '**Proposal idea:** a standard compensation per region, recharged to the carrier, plus the carrier\'s SLA report shared with CS every month.' },
      { by: C.DACH, daysAgo: 70, body: 'Careful with a fixed amount in the policy: carriers differ per region and contracts are negotiated locally. Better a minimum standard, and each region sets the amount?' },
      { by: C.FAC, daysAgo: 50, body: 'Noted for the agenda. I have asked logistics procurement to join the next meeting for 15 minutes.' },
    ],
  },
  {
    key: 'damaged-parcel-claim-form',
    title: 'Damaged-parcel claim form fails on mobile photo uploads',
    description: `To claim for a damaged parcel, customers must fill in the web form and upload photos of the packaging and the item. The upload fails for photos taken on most phones (HEIC format, or files over 5 MB), so customers email the photos instead and the claim has to be entered by hand.

The form is also only available in English and German.`,
    evidence: 'IBER: 62 % of damage claims last quarter arrived by email instead of through the form; ~9 minutes of extra handling per claim.',
    categoryKey: 'shipping',
    raisedBy: C.IBER,
    daysAgo: 55,
    supports: [
      { by: C.NORD, daysAgo: 50 },
      { by: C.UKI, note: 'iPhone photos fail every time (HEIC)', daysAgo: 48 },
      { by: C.BNLX, daysAgo: 45 },
      { by: C.SEA, note: 'Form not available in Vietnamese', daysAgo: 40 },
      { by: C.LATAM, daysAgo: 30 },
    ],
    comments: [
      { by: C.UKI, daysAgo: 47, body: 'Tested it: HEIC fails, JPEG over 5 MB fails, and the error only says "upload failed". Raised with the web team in UKI, reference WEB-2231.' },
      { by: C.SEA, daysAgo: 39, body: 'Besides the upload: the form requires a postcode in a format Vietnamese addresses don\'t have. Customers give up at that step.' },
      { by: C.IBER, daysAgo: 28, body: 'Update: the web team says HEIC support and a 20 MB limit can go into the next release. Translations and the address field need a proper request; I will include both in a proposal.' },
    ],
  },
  {
    key: 'tracking-stops-at-local-carrier',
    title: 'Tracking stops updating after hand-over to the local carrier',
    description: `Cross-border parcels to Vietnam, Thailand and the Philippines are handed over to a local last-mile carrier. From then on our tracking page shows "In transit" until delivery, sometimes for 10 days, and customers assume the parcel is lost.

The local carriers have their own tracking numbers, but we don't show them, and agents have to look them up in a spreadsheet that logistics updates once a day.`,
    evidence: 'SEA: ≈ 200 "where is my order" contacts a week for parcels in the last-mile phase.',
    categoryKey: 'shipping',
    raisedBy: C.SEA,
    daysAgo: 33,
    supports: [
      { by: C.LATAM, note: 'Same with the Estafeta / Servientrega hand-over', daysAgo: 30 },
      { by: C.NAE, note: 'Happens on Canada Post hand-overs', daysAgo: 25 },
      { by: C.BNLX, daysAgo: 20 },
    ],
    comments: [
      { by: C.LATAM, daysAgo: 29, body: 'In Mexico we got logistics to add the local tracking number to the shipping email last year. It cut "where is my order" contacts by about a third. Maybe the same integration can be switched on for SEA?' },
      { by: C.SEA, daysAgo: 22, body: 'Thank you! I asked logistics: the carrier in Vietnam has no API, only a daily CSV file. Still, showing the number would already help.' },
    ],
  },
  {
    key: 'same-day-dispatch-banner-holidays',
    title: '"Order by 2 pm for same-day dispatch" shown on weekends and public holidays',
    description: `The dispatch banner on product pages is shown every day, including weekends and public holidays, when the warehouse doesn't ship. Customers who order on a Saturday or on Thanksgiving expect dispatch that day and contact us when the tracking doesn't move.

The banner also ignores regional holidays, e.g. the Fête nationale in Quebec.`,
    evidence: 'NAE: 180 contacts in the week after Thanksgiving; ~20 on an ordinary weekend.',
    categoryKey: 'shipping',
    raisedBy: C.NAE,
    daysAgo: 15,
    supports: [
      { by: C.UKI, note: 'Every bank holiday weekend', daysAgo: 14 },
      { by: C.DACH, daysAgo: 12 },
    ],
    comments: [
      { by: C.DACH, daysAgo: 12, body: 'In DACH it is worse because public holidays differ by state: the warehouse in Bavaria is closed on Corpus Christi (Fronleichnam), the one in Hamburg isn\'t. The banner needs to know which warehouse ships the order.' },
      { by: C.NAE, daysAgo: 10, body: 'Good example. I will ask the web team whether the banner can read the warehouse calendar instead of a hard-coded rule.' },
    ],
  },
  {
    key: 'parcel-locker-size-limits',
    title: "Parcel-locker delivery offered for items that don't fit",
    description: `Checkout offers parcel-locker delivery for every order, whatever its size. When the parcel is too big, the carrier redirects it to a service point, sometimes in another town, and the customer has to fetch it there.

Checkout should hide the locker option when the order exceeds the locker size; the carriers publish the dimensions.`,
    evidence: 'Nordics: ~35 redirected parcels a week (PostNord, Bring, DAO).',
    categoryKey: 'shipping',
    raisedBy: C.NORD,
    daysAgo: 22,
    supports: [
      { by: C.BNLX, note: 'Same with PostNL and bpost lockers', daysAgo: 18 },
    ],
    comments: [
      { by: C.BNLX, daysAgo: 17, body: 'Workaround in Benelux: agents warn the customer by email when the order is likely too big, based on the product weight. Manual, but it reduces complaints.' },
    ],
  },
  {
    key: 'customs-fees-switzerland',
    title: 'Customers in Switzerland surprised by customs fees on delivery',
    description: `Orders from the German web shop to Switzerland are shipped DAP: the customer pays Swiss VAT and a customs handling fee on delivery, often CHF 15–30 on small orders. Checkout mentions this only in the terms and conditions. Many customers refuse the parcel, which then comes back at our cost.

Options we see:
- a clear notice at checkout, with an estimate of the fees
- DDP shipping (we pay the duties, priced into the order)
- shipping the most common items from a Swiss stock point`,
    evidence: 'DACH: 22 % of parcels to Switzerland refused in Q3; ≈ 80 complaints a month. Tickets #CH-4411, #CH-4470.',
    categoryKey: 'shipping',
    raisedBy: C.DACH,
    daysAgo: 48,
    supports: [
      { by: C.NORD, note: 'Same for Norway on orders above NOK 3,000', daysAgo: 45 },
      { by: C.UKI, note: 'Same for Ireland on orders from the UK warehouse', daysAgo: 42 },
    ],
    comments: [
      { by: C.UKI, daysAgo: 40, body: 'After Brexit we moved Irish orders to the EU warehouse, which solved most of it. Maybe not possible for Switzerland, but worth a look.' },
      { by: C.NORD, daysAgo: 35, body: 'Norway: we collect VAT at checkout under VOEC for orders below NOK 3,000, so the customer pays nothing on delivery. Above that they still pay. I think the checkout notice is the cheapest first step.' },
      { by: C.DACH, daysAgo: 33, body: 'Danke euch beiden. I will write up the checkout notice as a first proposal; DDP needs a bigger conversation with finance.' },
    ],
  },
  {
    key: 'remote-area-delivery-promise',
    title: 'Delivery promise of 3–5 days is unrealistic for remote areas',
    description: `Checkout shows "3–5 business days" for every address in Mexico, Colombia and Peru. For rural areas and some states (e.g. Chiapas and Oaxaca, or Amazonas in Colombia) the real delivery time is 2–3 weeks. Customers contact us after day 5, and many cancel.

The carriers publish transit times per postcode; checkout should use them.`,
    evidence: 'LATAM: 12 % of orders go to "extended zone" postcodes and produce 35 % of our "where is my order" contacts.',
    categoryKey: 'shipping',
    raisedBy: C.LATAM,
    daysAgo: 5,
    supports: [],
    comments: [],
  },
  {
    key: 'warehouse-escalation-path',
    title: 'No escalation path to the warehouse for stuck or lost orders',
    description: `When an order has been "in preparation" for more than 3 days, or a parcel is lost before the carrier's first scan, we have no direct contact at the warehouse. We open a ticket in the logistics queue, which is answered in 5–7 working days, if at all.

- No SLA for the logistics queue
- No named contact per warehouse
- Agents can't see the warehouse status beyond "in preparation"

We would like a defined escalation path: a named contact per warehouse, an SLA (e.g. 2 working days), and an urgent route for orders with a fixed date (gifts, events).`,
    evidence: 'BNLX: 160 tickets in the logistics queue last month, median response 6 working days; 48 unanswered after 10 days.',
    categoryKey: 'shipping',
    raisedBy: C.BNLX,
    daysAgo: 88,
    supports: [
      { by: C.DACH, note: 'Same warehouse (Venlo) serves us, same experience', daysAgo: 85 },
      { by: C.NORD, daysAgo: 80 },
      { by: C.UKI, daysAgo: 75 },
      { by: C.IBER, daysAgo: 60 },
      { by: C.NAE, daysAgo: 50 },
    ],
    comments: [
      { by: C.DACH, daysAgo: 84, body: 'The Venlo warehouse has a shift lead you can reach by phone, but only some of our team leads know the number. Not a solution, but it helps in urgent cases.' },
      { by: C.BNLX, daysAgo: 70, body: 'We tried that number: it works for single urgent cases, but they asked us not to share it widely. Which is exactly why we need a formal route.' },
      { by: C.FAC, daysAgo: 65, body: 'Logistics agreed to discuss a service level with CS. They want the **top 5 escalation reasons per region** first. Can everyone add theirs here?' },
      { by: C.UKI, daysAgo: 60, body: `UKI top 5:

1. Order stuck "in preparation" for more than 3 days
2. Label created, parcel never scanned
3. Wrong item picked
4. Part of a multi-parcel order missing
5. Delivery needed by a fixed date (wedding, event)` },
    ],
  },

  // ───────────────────────────── Pricing ─────────────────────────────
  {
    key: 'price-match-rules-differ',
    title: 'Price-match rules differ per region and confuse customers',
    description: `We price-match competitors in most regions, but the rules differ everywhere: which competitors count, whether marketplaces count, how long after purchase a customer can claim, and whether stores match our own web price.

Customers who travel or shop cross-border quote another region's rules, and agents and store staff give different answers. It also makes one knowledge-base article impossible.

| Rule | NAE | UKI | DACH |
|---|---|---|---|
| Claim window | 14 days | 7 days | 14 days |
| Marketplaces | no | Amazon (sold by Amazon) only | no |
| Own web price in store | yes | yes | no |

We would like a common baseline (competitors, claim window, proof needed) with room for regional additions.`,
    evidence: 'NAE: ≈ 90 price-match contacts a week; 30 % involve a disagreement about the rules.',
    categoryKey: 'pricing',
    raisedBy: C.NAE,
    daysAgo: 100,
    supports: [
      { by: C.UKI, daysAgo: 95 },
      { by: C.DACH, note: 'We call it Tiefpreisgarantie: 14 days, no marketplaces', daysAgo: 92 },
      { by: C.BNLX, daysAgo: 85 },
      { by: C.IBER, daysAgo: 70 },
      { by: C.LATAM, daysAgo: 60 },
      { by: C.NORD, daysAgo: 55 },
    ],
    comments: [
      { by: C.UKI, daysAgo: 94, body: 'UKI matches Amazon, but only items sold by Amazon itself. Most disputes are about delivery costs: do we compare including shipping or not? A common rule should settle that.' },
      { by: C.DACH, daysAgo: 90, body: 'A common baseline is fine for DACH as long as we can keep our 14 days; it is advertised on TV and part of the brand here.' },
      { by: C.SEA, daysAgo: 85, body: 'We don\'t price-match in SEA at all, so I am not marking us as affected. But if a baseline is adopted for everyone, we would need a long transition.' },
      { by: C.FAC, daysAgo: 60, body: `Suggested structure for a proposal:

- **Baseline:** competitor list per region, proof = link or screenshot, shipping included, no marketplaces
- **Regional options:** claim window between 7 and 30 days

Marcus, would you draft it?` },
      { by: C.NAE, daysAgo: 52, body: 'Yes, draft coming before the next meeting. I will ask each of you for your competitor list.' },
    ],
  },
  {
    key: 'promo-codes-fail-sale-items',
    title: 'Promo codes rejected at checkout when the cart contains sale items',
    description: `Since the checkout update two weeks ago, a promo code is rejected for the **whole cart** when one item in it is already reduced. Before, the code simply wasn't applied to the reduced item. The error just says "This code is not valid".

Customers think the code is broken, abandon the cart or call us, and agents can't apply codes after the order is placed.`,
    evidence: 'BNLX: ≈ 130 contacts since the update; campaign SPRING15 most affected. Tickets #NL-31870, #NL-31902, #BE-12411.',
    categoryKey: 'pricing',
    raisedBy: C.BNLX,
    daysAgo: 18,
    supports: [
      { by: C.DACH, note: 'Same since the update, ~40 cases', daysAgo: 17 },
      { by: C.NORD, daysAgo: 16 },
      { by: C.UKI, daysAgo: 15 },
      { by: C.IBER, note: 'Also with the app-only codes', daysAgo: 14 },
      { by: C.NAE, daysAgo: 12 },
    ],
    comments: [
      { by: C.DACH, daysAgo: 17, body: 'Confirmed in DACH. The e-commerce team says it is now "by design": codes exclude sale items, and someone decided that rejecting is clearer than partial application. Nobody asked us.' },
      { by: C.BNLX, daysAgo: 15, body: 'If it is by design, the error message must at least say why, e.g. *"This code can\'t be combined with reduced items. Remove them to use it."* And we need a goodwill process for orders already placed.' },
      { by: C.UKI, daysAgo: 13, body: '+1. Meanwhile UKI gives a 10 % goodwill voucher when a customer calls about it. Costly, but the campaign emails went out before the change.' },
      { by: C.NAE, daysAgo: 10, body: 'Same workaround in NAE. I would like the proposal to also cover **who signs off on checkout rule changes**: CS should be consulted before changes like this go live.' },
    ],
  },
  {
    key: 'price-drop-after-purchase',
    title: 'No policy for price drops shortly after purchase',
    description: `When an item is reduced a few days after a customer bought it, some customers ask for the difference. There is no policy: some agents refund the difference, some tell the customer to return the item and buy it again (two shipments for us), some refuse.

A simple rule, e.g. refund the difference within 14 days of delivery, once per order, would be cheaper than return-and-rebuy.`,
    evidence: 'UKI: ~50 requests a week; about a third end as return-and-rebuy.',
    categoryKey: 'pricing',
    raisedBy: C.UKI,
    daysAgo: 42,
    supports: [
      { by: C.FAC, note: 'Same in the Nordics, especially around Black Friday', daysAgo: 40 },
      { by: C.IBER, daysAgo: 30 },
      { by: C.BNLX, daysAgo: 25 },
    ],
    comments: [
      { by: C.IBER, daysAgo: 29, body: 'In Iberia we refund the difference when the customer asks within 7 days, but that rule only exists in an old email from the commercial director. Happy to make it official with a longer window.' },
      { by: C.UKI, daysAgo: 20, body: 'Good to know. Finance asked me for the cost of return-and-rebuy; I will collect figures before we draft anything.' },
    ],
  },
  {
    key: 'web-vs-store-price',
    title: 'Web price differs from in-store price for the same item',
    description: `In Vietnam and Thailand store prices are set locally and often differ from the web shop. Customers who see a lower price online and go to the store (or the other way round) feel misled, and stores refuse to match.

The website doesn't say anywhere that store prices may differ.`,
    evidence: 'SEA: ~60 complaints a month, mostly electronics.',
    categoryKey: 'pricing',
    raisedBy: C.SEA,
    daysAgo: 26,
    supports: [
      { by: C.LATAM, daysAgo: 24 },
      { by: C.BNLX, note: 'Belgian stores differ from the web shop during sales', daysAgo: 20 },
    ],
    comments: [
      { by: C.BNLX, daysAgo: 20, body: 'In Benelux we added a line to the product page: "Online price. Prices in stores may differ." It reduced complaints a lot, even if customers don\'t love it.' },
    ],
  },
  {
    key: 'newsletter-discount-missing',
    title: 'Newsletter sign-up discount code never arrives',
    description: `New subscribers are promised a 10 % welcome code. For Hotmail/Outlook addresses, and for sign-ups in the app, the email often doesn't arrive. Customers then contact us, and agents can't generate the code.`,
    evidence: 'IBER: ~25 contacts a week; marketing confirmed a 40 % delivery failure for Outlook addresses.',
    categoryKey: 'pricing',
    raisedBy: C.IBER,
    daysAgo: 9,
    supports: [
      { by: C.LATAM, note: 'Same, mostly Hotmail users in Mexico', daysAgo: 7 },
    ],
    comments: [],
  },
  {
    key: 'bundle-partial-return-refund',
    title: 'Partial returns of bundles: refund amount calculated inconsistently',
    description: `When a customer returns one item of a bundle ("3 for 2", kit prices), the system refunds the item's full list price, the average discounted price, or nothing, depending on how the bundle was set up. Agents correct it by hand and get it wrong in both directions.

We need one rule, e.g. *refund = price paid minus the full price of the items kept*.`,
    evidence: 'LATAM: 45 manual corrections last month; an audit found 9 refunds that were too high (≈ MXN 38,000).',
    categoryKey: 'pricing',
    raisedBy: C.LATAM,
    daysAgo: 58,
    supports: [
      { by: C.IBER, daysAgo: 50 },
      { by: C.UKI, daysAgo: 45 },
    ],
    comments: [
      { by: C.UKI, daysAgo: 44, body: 'UKI\'s rule: the customer keeps the discount only if they keep the qualifying number of items. It works, but the system doesn\'t apply it, so it is manual here too.' },
      { by: C.IBER, daysAgo: 40, body: 'Same idea in Iberia. The problem is really the system, not the rule. Shall we agree on the UKI rule and ask IT to implement it everywhere?' },
      { by: C.LATAM, daysAgo: 36, body: 'De acuerdo. I will propose the UKI wording as the common rule and add an IT request for the calculation.' },
    ],
  },
  {
    key: 'loyalty-points-gift-card-orders',
    title: 'Loyalty points not credited for orders paid with a gift card',
    description: `Members who pay partly or fully with a gift card get no loyalty points for that part of the order. The loyalty terms don't say so, members think points are missing, and they contact us. Agents can add points manually, but only up to 500 per case.

Also: points for store purchases appear after 1–2 days, but for web orders only once the return window has closed (30 days), and nobody explains that.`,
    evidence: 'Nordics: ≈ 70 "missing points" contacts a week; 40 % involve gift cards.',
    categoryKey: 'pricing',
    raisedBy: C.NORD,
    daysAgo: 47,
    supports: [
      { by: C.DACH, daysAgo: 44 },
      { by: C.BNLX, daysAgo: 40 },
      { by: C.UKI, daysAgo: 38 },
      { by: C.NAE, note: '"Points pending for 30 days" is our #1 loyalty complaint', daysAgo: 30 },
    ],
    comments: [
      { by: C.NAE, daysAgo: 29, body: 'The 30-day pending period is deliberate, so points for returned items can\'t be spent. But the app should show **pending points**; most of our contacts would disappear.' },
      { by: C.NORD, daysAgo: 26, body: `Agreed. So two separate asks:

1. earn points on gift-card payments, or say clearly in the terms that you don't
2. show pending points in the app and the customer account` },
    ],
  },

  // ───────────────────────────── Products ─────────────────────────────
  {
    key: 'furniture-dimensions-wrong',
    title: 'Wrong product dimensions on the website for the furniture range',
    description: `Several furniture pages show the packaging dimensions, or those of another variant. Customers order a sofa or wardrobe that doesn't fit, and returning a bulky item costs us €80–150.

We report errors to the product content team by email, but get no feedback and corrections take weeks.

- "Oslo" 3-seater sofa: page says 198 cm wide, real width 214 cm
- "Nordby" wardrobe: height given without the legs`,
    evidence: 'DACH: 28 furniture returns for "doesn\'t fit" in 6 weeks where the page was wrong; ≈ €3,100 in return costs.',
    categoryKey: 'products',
    raisedBy: C.DACH,
    daysAgo: 75,
    supports: [
      { by: C.NORD, daysAgo: 70 },
      { by: C.BNLX, daysAgo: 65 },
      { by: C.UKI, daysAgo: 60 },
      { by: C.NAE, daysAgo: 45 },
    ],
    comments: [
      { by: C.BNLX, daysAgo: 64, body: 'Same errors on the Dutch and French pages, plus some that are only wrong in translation (cm and mm mixed up). A "report a product error" button in the CRM that goes straight to the content team would help.' },
      { by: C.UKI, daysAgo: 55, body: 'In UKI we share a spreadsheet with content, and it works because they check it every day. Maybe make that the standard instead of email?' },
      { by: C.DACH, daysAgo: 40, body: 'Kurzes Update: das Content-Team hat 19 der 28 gemeldeten Fehler korrigiert. For the rest they need the supplier\'s data sheet. I will propose a shared error log with a 5-day response time.' },
    ],
  },
  {
    key: 'warranty-who-handles',
    title: 'Warranty claims: unclear whether we or the manufacturer handle them',
    description: `For electronics and small appliances, the knowledge base says "after 30 days, refer the customer to the manufacturer". But under EU consumer law the seller is liable for defects for at least 2 years (3 in Spain since 2022), and customers know it.

Agents send customers to the manufacturer, customers come back quoting the law, and the case is escalated. Some manufacturers refuse to deal with consumers at all.

**What we need**
1. A clear rule on when we handle a warranty case ourselves
2. A list of manufacturers with a direct-service agreement
3. A repair / replace / refund decision guide for agents`,
    evidence: 'IBER: ≈ 85 warranty escalations a month; 12 complaints to consumer offices (OMIC) last year.',
    categoryKey: 'products',
    raisedBy: C.IBER,
    daysAgo: 90,
    supports: [
      { by: C.DACH, note: 'Gewährleistung vs. Garantie, same confusion', daysAgo: 88 },
      { by: C.NORD, daysAgo: 85 },
      { by: C.UKI, daysAgo: 80 },
      { by: C.BNLX, daysAgo: 70 },
      { by: C.NAE, daysAgo: 60 },
      { by: C.LATAM, daysAgo: 50 },
    ],
    comments: [
      { by: C.DACH, daysAgo: 87, body: 'The German terms help: **Gewährleistung** (legal, the seller) vs. **Garantie** (voluntary, the manufacturer). Our KB mixes them up. The rule should be: within the legal period the seller handles it. We may use the manufacturer\'s service, but the customer deals with us.' },
      { by: C.NORD, daysAgo: 84, body: 'In Norway the legal period is 5 years for goods meant to last considerably longer (white goods, furniture). So the rule has to be per country, not per region.' },
      { by: C.NAE, daysAgo: 58, body: 'The legal setup in the US and Canada is different (manufacturer warranties dominate), so for NAE the manufacturer list is the useful part.' },
      { by: C.IBER, daysAgo: 45, body: `Resumen: a common principle (the seller handles it within the legal period), a country table, and the manufacturer list. I have started the table, please check your rows:

| Country | Legal period |
|---|---|
| Spain, Portugal | 3 years |
| Germany, Austria | 2 years |
| Denmark | 2 years |
| Sweden | 3 years |
| Norway | 2 or 5 years |` },
      { by: C.FAC, daysAgo: 30, body: 'Great work. Legal has agreed to review the table before it goes into a proposal.' },
    ],
  },
  {
    key: 'recalls-learned-from-customers',
    title: 'We learn about product recalls from customers first',
    description: `In the last two recalls (the children's bike helmet and the kettle with the faulty switch), customers contacted us after seeing the news, before we had any information. Agents had no script, no list of affected batch numbers and no instruction on refund vs. replacement.

Suggestion: customer service is on the recall notification list, and receives a standard **recall pack** (affected products and batches, customer message, refund/replace rule, FAQ) at least 24 hours before the public announcement, translated into all our languages.`,
    evidence: 'Kettle recall: 1,900 contacts across regions in the first 3 days; average handling time 14 min.',
    categoryKey: 'products',
    raisedBy: C.FAC,
    daysAgo: 35,
    supports: [
      { by: C.DACH, daysAgo: 34 },
      { by: C.UKI, daysAgo: 33 },
      { by: C.IBER, daysAgo: 30 },
      { by: C.SEA, note: 'We received the Vietnamese FAQ 5 days after the announcement', daysAgo: 28 },
      { by: C.NAE, daysAgo: 25 },
    ],
    comments: [
      { by: C.UKI, daysAgo: 33, body: 'In the UK the kettle recall was on the government product-safety recall list before we knew about it. Our social media team got 300 comments in one day.' },
      { by: C.SEA, daysAgo: 27, body: 'Translation was the biggest problem for SEA. If the pack arrived 24 hours early, we could translate it ourselves overnight.' },
      { by: C.DACH, daysAgo: 20, body: 'The quality team says they can add CS to the notification list right away, no policy change needed. The recall pack itself needs a proposal.' },
    ],
  },
  {
    key: 'apparel-size-guides',
    title: 'Size guides differ between brands, driving apparel returns',
    description: `Our apparel size guide is one generic table, but the brands we sell size differently (especially the Scandinavian and Italian brands). "Wrong size" is the top return reason in apparel, and customers ask us for advice we can't give.

Ideas:
- brand-specific size guides on the product page
- a "fits small / fits large" indicator based on return data`,
    evidence: 'BNLX: 41 % of apparel returns give "wrong size" as the reason.',
    categoryKey: 'products',
    raisedBy: C.BNLX,
    daysAgo: 31,
    supports: [
      { by: C.IBER, daysAgo: 28 },
      { by: C.DACH, daysAgo: 20 },
    ],
    comments: [
      { by: C.IBER, daysAgo: 27, body: 'The "fits small / large" indicator would be great. We already have return reasons per product, they just aren\'t shown anywhere.' },
      { by: C.BNLX, daysAgo: 22, body: 'I have asked the product team whether the data can be exported per SKU. Waiting for an answer.' },
    ],
  },
  {
    key: 'product-pages-not-translated',
    title: 'Product pages and manuals not available in Vietnamese and Thai',
    description: `About half of the range on the Vietnamese and Thai web shops has English-only descriptions, and user manuals are English-only. Customers call to ask basic questions (how to set it up, what's in the box), and agents translate on the fly.

We would like translation prioritised by sales volume, starting with electronics and appliances.`,
    evidence: 'SEA: ≈ 35 % of pre-sales contacts are questions answered on the (English) product page.',
    categoryKey: 'products',
    raisedBy: C.SEA,
    daysAgo: 62,
    supports: [
      { by: C.LATAM, note: 'Some Brazilian Portuguese pages are machine-translated and wrong', daysAgo: 55 },
    ],
    comments: [
      { by: C.LATAM, daysAgo: 50, body: 'We had success asking suppliers for localised manuals as part of the purchase contract. Purchasing can add that for new products at least.' },
      { by: C.SEA, daysAgo: 45, body: 'Good idea, I will ask purchasing for Vietnam. For existing products we still need a translation budget.' },
    ],
  },
  {
    key: 'spare-parts-ordering',
    title: "Customers can't order spare parts (lids, chargers, filters)",
    description: `Customers regularly ask for a replacement part: a blender lid, a vacuum filter, a charger for a toothbrush. We don't sell parts and can't order them from suppliers, so the only answers are "buy a new product" or "contact the manufacturer", which customers see as wasteful.

Could we offer a spare-parts route, at least for our own brands?`,
    evidence: 'NAE: ≈ 30 requests a week; our own brands account for about half.',
    categoryKey: 'products',
    raisedBy: C.NAE,
    daysAgo: 3,
    supports: [],
    comments: [],
  },
  {
    key: 'energy-labels-missing',
    title: 'Energy labels missing on appliance product pages',
    description: `Some appliance pages on the UK and Irish shops don't show the energy label and product information sheet, which is a legal requirement. Customers ask us for them, and one customer reported us to Trading Standards.`,
    evidence: 'UKI: 64 appliance pages without a label (audit three weeks ago).',
    categoryKey: 'products',
    raisedBy: C.UKI,
    daysAgo: 98,
    supports: [
      { by: C.DACH, note: '20 pages affected in DACH', daysAgo: 95 },
      { by: C.IBER, daysAgo: 94 },
      { by: C.BNLX, daysAgo: 90 },
    ],
    comments: [
      { by: C.DACH, daysAgo: 95, body: 'Same root cause? Our labels come from the supplier data feed, and the import fails for products with the new rescaled label.' },
      { by: C.UKI, daysAgo: 80, body: 'Yes, the content team confirmed the import bug. The fix is deployed and all 64 pages have their labels again.' },
      { by: C.FAC, daysAgo: 75, body: 'Closing this as resolved by the web team; no policy change needed. Thanks everyone for the quick reports.' },
    ],
    status: 'CLOSED',
  },

  // ───────────────────────────── Staff & training ─────────────────────────────
  {
    key: 'seasonal-staff-onboarding',
    title: "Seasonal staff onboarding takes 3 weeks; peak starts before they're ready",
    description: `We hire seasonal agents for the November–January peak. Onboarding takes three weeks: one week waiting for system access (CRM, telephony, returns portal) and two weeks of training. Many start in mid-November and are only productive after Black Friday.

Main blockers:
- Access requests take 5–8 working days, separately for each system
- Training is classroom-only and covers everything, including rare processes
- There is no short "peak essentials" track`,
    evidence: 'UKI last peak: 45 seasonal agents, on average 17 working days to their first solo contact; 9 left before the end of their contract.',
    categoryKey: 'training',
    raisedBy: C.UKI,
    daysAgo: 115,
    supports: [
      { by: C.DACH, daysAgo: 110 },
      { by: C.NORD, daysAgo: 105 },
      { by: C.BNLX, daysAgo: 100 },
      { by: C.NAE, daysAgo: 95 },
      { by: C.LATAM, note: 'Our peaks are Buen Fin and Hot Sale', daysAgo: 90 },
    ],
    comments: [
      { by: C.DACH, daysAgo: 108, body: 'In DACH we started a "Peak Basics" track last year: 4 days on order status, returns and refunds only. Seasonal agents take only those contacts; everything else is routed to permanent staff. First solo contact after 6 days.' },
      { by: C.NAE, daysAgo: 94, body: 'System access is the real blocker for us. Could we ask IT for a single "seasonal agent" access bundle that is requested once?' },
      { by: C.UKI, daysAgo: 88, body: `Both in one proposal?

1. a common **peak essentials** track based on the DACH material
2. one access bundle for seasonal agents, requested 3 weeks before the start date` },
      { by: C.NORD, daysAgo: 85, body: 'Yes please. The Nordics can translate the DACH material into Danish and Swedish. Who has the English version?' },
    ],
  },
  {
    key: 'knowledge-base-outdated',
    title: 'Knowledge base articles outdated after policy changes',
    description: `When a policy changes (returns, delivery charges, promo rules), the knowledge base is updated weeks later, or never. Agents find three articles with three different answers and ask their team lead, or answer from memory.

Nobody owns the articles: they were written by different teams, and none has a review date.

**Suggestions**
- Every article has an owner and a review date
- A policy change isn't "done" until the KB article is updated
- A "report outdated" button for agents`,
    evidence: 'Nordics: audit of the 50 most-viewed articles found 17 outdated and 6 contradicting another article.',
    categoryKey: 'training',
    raisedBy: C.NORD,
    daysAgo: 80,
    supports: [
      { by: C.DACH, note: '12 of our top 40 articles outdated', daysAgo: 78 },
      { by: C.IBER, daysAgo: 77 },
      { by: C.UKI, daysAgo: 72 },
      { by: C.BNLX, daysAgo: 70 },
      { by: C.SEA, note: 'Vietnamese articles up to a year behind', daysAgo: 75 },
      { by: C.NAE, daysAgo: 66 },
      { by: C.LATAM, daysAgo: 45 },
    ],
    comments: [
      { by: C.DACH, daysAgo: 78, body: 'Our audit in DACH found similar numbers (12 of 40 outdated). The German articles are translations of the English ones, so they go out of date twice: first in English, then again until someone translates.' },
      { by: C.SEA, daysAgo: 75, body: 'Same for the Vietnamese articles, some are a year behind. Agents use the English version and translate it themselves.' },
      { by: C.UKI, daysAgo: 70, body: 'A "report outdated" button exists in the KB tool, it is just switched off. IT says it\'s a setting.' },
      { by: C.FAC, daysAgo: 60, body: 'This ties in with the policy register in Council: once a policy is adopted here, its KB article should be linked to the register entry. I will bring that up at the meeting.' },
      { by: C.NORD, daysAgo: 50, body: 'Jeg har lavet et udkast til en ejerskabsmodel: hver artikel får en ejer i den region, der skrev den, og en gennemgangsdato hver 6. måned. Feedback welcome before I turn it into a proposal.' },
      { by: C.LATAM, daysAgo: 45, body: 'From LATAM: please include Spanish and Portuguese in the translation deadline. Our articles are often 2–3 months behind.' },
    ],
  },
  {
    key: 'macros-not-localised',
    title: 'Canned responses (macros) not localised; agents translate on the fly',
    description: `The macro library in the CRM exists in English only. SEA agents translate macros into Vietnamese, Thai and Bahasa for every reply, which takes time and produces inconsistent wording, sometimes with promises we can't keep.

We would like the central macro library to support translations, with each region responsible for its languages.`,
    evidence: 'SEA: macros used in ~60 % of email replies; translating adds ~2 minutes per reply.',
    categoryKey: 'training',
    raisedBy: C.SEA,
    daysAgo: 44,
    supports: [
      { by: C.LATAM, daysAgo: 40 },
      { by: C.BNLX, note: 'We need Dutch and French versions', daysAgo: 38 },
      { by: C.DACH, daysAgo: 30 },
    ],
    comments: [
      { by: C.BNLX, daysAgo: 37, body: 'We built our own Dutch and French macros as personal templates, 140 of them. Now they are out of sync with the English ones. A central, translated library would be much better.' },
      { by: C.DACH, daysAgo: 29, body: 'The CRM supports multi-language macros (dynamic content); we just don\'t use it. It needs an owner for the library per language.' },
      { by: C.SEA, daysAgo: 25, body: 'I can own Vietnamese. I will ask for volunteers for Thai and Bahasa.' },
    ],
  },
  {
    key: 'weekend-chat-backlog',
    title: 'Chat backlog on weekends: waiting times over 40 minutes',
    description: `Chat volume on Saturdays and Sundays is about 70 % of a weekday, but weekend staffing is 35 %. Waiting times reach 40–60 minutes; many customers leave the queue and write an email instead, so Monday starts with a backlog too.

Options:
- change the weekday/weekend staffing ratio
- share weekend chat between regions with the same language (LATAM and Iberia for Spanish)
- better self-service for order status`,
    evidence: 'LATAM: average weekend wait 43 min over the last 6 weekends; 38 % of chats abandoned.',
    categoryKey: 'training',
    raisedBy: C.LATAM,
    daysAgo: 25,
    supports: [
      { by: C.IBER, note: 'Happy to discuss cross-region Spanish cover', daysAgo: 24 },
      { by: C.NAE, daysAgo: 20 },
      { by: C.SEA, daysAgo: 18 },
      { by: C.UKI, daysAgo: 15 },
    ],
    comments: [
      { by: C.IBER, daysAgo: 23, body: 'Iberia\'s weekend peak is Sunday evening CET, which is Sunday midday in Mexico City, so cover in both directions could work. Weekend-work rules differ between countries though; we need HR.' },
      { by: C.NAE, daysAgo: 19, body: 'We moved one weekday agent per team to a Tuesday–Saturday pattern. Saturday waits dropped from 35 to 12 minutes; Sunday is still bad.' },
      { by: C.LATAM, daysAgo: 15, body: 'Gracias. I will try the NAE idea locally first and bring cross-region cover with Iberia to the meeting as a proposal.' },
    ],
  },
  {
    key: 'abusive-contacts-guidance',
    title: 'No guidance or training for abusive customer contacts',
    description: `Agents don't know when they may end a call or chat with an abusive customer, and there is no support afterwards. Some team leads allow it after one warning; others expect agents to carry on.

We need a common guideline (warning, ending the contact, documenting it), de-escalation training, and access to the employee assistance programme after severe cases.`,
    evidence: 'DACH: 23 incidents reported last month; 2 agents on sick leave after incidents this year.',
    categoryKey: 'training',
    raisedBy: C.DACH,
    daysAgo: 14,
    supports: [
      { by: C.UKI, daysAgo: 12 },
      { by: C.NAE, daysAgo: 10 },
    ],
    comments: [
      { by: C.UKI, daysAgo: 12, body: 'UKI has a guideline from 2022: one warning, then end the contact and tag the ticket. Happy to share it as a starting point.' },
      { by: C.DACH, daysAgo: 10, body: 'Danke, Siobhan, that is exactly the format I had in mind.' },
    ],
  },
  {
    key: 'cross-region-shadowing',
    title: 'Cross-region shadowing for agents who work in the same language',
    description: `Iberia and Latin America both handle Spanish contacts, UKI and NAE English ones, but agents never see how the other region works.

A few days of remote shadowing (listening in on calls and chats) would spread good practice and make it easier to cover each other's queues.`,
    categoryKey: 'training',
    raisedBy: C.IBER,
    daysAgo: 6,
    supports: [
      { by: C.LATAM, daysAgo: 5 },
    ],
    comments: [],
  },

  // ───────────────────────────── Tools & systems ─────────────────────────────
  {
    key: 'crm-slow-peak-hours',
    title: 'CRM takes 8–12 seconds to open a customer record at peak hours',
    description: `Between 10 am and 2 pm Eastern, opening a customer record in the CRM takes 8–12 seconds, and searching by email sometimes times out. Agents open 3–5 records per contact, so this adds about a minute to every call.

Customers are kept on hold while the screen loads. Some agents keep several records open in tabs, which makes it slower still.`,
    evidence: 'NAE: median load time 9.4 s at peak (1.8 s off-peak); average handling time +55 s at peak. IT ticket INC-20931.',
    categoryKey: 'tools',
    raisedBy: C.NAE,
    daysAgo: 70,
    supports: [
      { by: C.UKI, note: 'Our afternoon overlaps with their morning, same slowness', daysAgo: 68 },
      { by: C.IBER, daysAgo: 65 },
      { by: C.DACH, daysAgo: 60 },
      { by: C.BNLX, daysAgo: 55 },
      { by: C.LATAM, daysAgo: 50 },
      { by: C.SEA, note: 'Mostly reports timing out for us', daysAgo: 30 },
    ],
    comments: [
      { by: C.UKI, daysAgo: 67, body: 'It gets slow exactly when the European afternoon overlaps with the NAE morning. IT suspects the nightly NAE report jobs running at the same time.' },
      { by: C.IBER, daysAgo: 60, body: 'Tip while we wait for a fix: searching by **order number** is much faster than by email (it\'s indexed). We trained agents to ask for the order number first.' },
      { by: C.NAE, daysAgo: 50, body: 'IT moved the report jobs off-peak last week. The median is down to 5.1 s: better, not good. They are looking at a database upgrade.' },
      { by: C.DACH, daysAgo: 40, body: 'We see the same improvement (~5 s). Can the proposal set a target, e.g. under 2 s for 95 % of record loads, with IT reporting against it monthly?' },
      { by: C.FAC, daysAgo: 35, body: 'I would frame it as a service target for internal tools rather than a customer-service policy, since IT has to commit to it. I will check with the CIO\'s office who can approve that.' },
    ],
  },
  {
    key: 'help-centre-accessibility',
    title: 'Help centre fails basic accessibility checks',
    description: `A customer who uses a screen reader complained that the help centre's contact form can't be submitted without a mouse, and the chat widget isn't announced at all. A quick check found missing form labels, low-contrast buttons, and an FAQ accordion that doesn't work with the keyboard.

Besides being the right thing to do: the European Accessibility Act applies to e-commerce since June 2025, and the UK Equality Act already requires reasonable adjustments.`,
    evidence: 'Automated check (axe): 37 serious issues on the help-centre home page and contact form. Customer complaint #UK-89012.',
    categoryKey: 'tools',
    raisedBy: C.UKI,
    daysAgo: 52,
    supports: [
      { by: C.DACH, note: 'Relevant under the BFSG in Germany', daysAgo: 50 },
      { by: C.FAC, daysAgo: 48 },
      { by: C.IBER, daysAgo: 40 },
    ],
    comments: [
      { by: C.DACH, daysAgo: 49, body: 'In Germany the EAA is implemented as the BFSG, in force since 28 June 2025. Legal has it on their list, but I don\'t think anyone has looked at the help centre specifically.' },
      { by: C.FAC, daysAgo: 45, body: 'Worth proposing that accessibility becomes part of the acceptance criteria for every help-centre change. That is a process we could adopt ourselves, without management approval.' },
      { by: C.UKI, daysAgo: 40, body: 'Agreed. The web team has started fixing the contact form. The chat widget is a vendor product, so that needs a conversation with the vendor.' },
    ],
  },
  {
    key: 'subscription-cancellation-phone-only',
    title: 'Subscriptions can only be cancelled by phone',
    description: `Customers can sign up online for our subscriptions (coffee, filters, pet food), but can only cancel by phone or in writing. In Germany that is no longer allowed: since July 2022, contracts concluded online need a cancellation button (Kündigungsbutton, § 312k BGB).

Apart from the legal risk, it causes long calls and complaints; customers feel trapped.`,
    evidence: 'DACH: ≈ 250 cancellation calls a month, 7 min on average; 3 warning letters from consumer organisations this year.',
    categoryKey: 'tools',
    raisedBy: C.DACH,
    daysAgo: 67,
    supports: [
      { by: C.NORD, daysAgo: 60 },
      { by: C.BNLX, daysAgo: 55 },
      { by: C.UKI, note: 'Cancellation is a top complaint in UKI too', daysAgo: 50 },
      { by: C.NAE, daysAgo: 40 },
    ],
    comments: [
      { by: C.BNLX, daysAgo: 54, body: 'Dutch customers quote the German rule to us already, and consumer organisations here are campaigning on it. We would gladly follow whatever DACH gets.' },
      { by: C.UKI, daysAgo: 48, body: 'The web team says a cancellation flow is built but blocked, because marketing wants a "retention offer" step first. Could we agree on a flow with one optional offer?' },
      { by: C.DACH, daysAgo: 45, body: `An offer step is fine in Germany as long as it doesn't block the cancellation. Draft flow:

1. "Cancel subscription" button in the account
2. Confirm which subscription
3. Optional offer (can be skipped with one click)
4. Done, with a confirmation email` },
      { by: C.NAE, daysAgo: 38, body: 'Please include NAE: several US states (e.g. New York, California) require an online cancellation option for subscriptions sold online.' },
    ],
  },
  {
    key: 'crm-cannot-merge-tickets',
    title: "CRM can't merge duplicate tickets from the same customer",
    description: `A customer who emails, then chats, then calls about the same order creates three tickets. The CRM can link them but not merge them, so three agents may work on the same problem and send contradictory answers.`,
    evidence: 'IBER: ~18 % of tickets duplicate an open ticket (sample of 500).',
    categoryKey: 'tools',
    raisedBy: C.IBER,
    daysAgo: 19,
    supports: [
      { by: C.BNLX, daysAgo: 18 },
      { by: C.NAE, daysAgo: 15 },
      { by: C.SEA, daysAgo: 12 },
    ],
    comments: [
      { by: C.NAE, daysAgo: 14, body: 'Our CRM admin says merging is a paid add-on. Might be worth it: we estimate 40+ agent hours a week on duplicates in NAE alone.' },
    ],
  },
  {
    key: 'callbacks-dropped-shift-change',
    title: 'Queued phone callbacks are dropped at shift change',
    description: `Customers who choose "call me back" instead of waiting go into a callback queue. When the evening shift ends, open callbacks are deleted instead of carried over to the next morning, and the customer waits for a call that never comes.`,
    evidence: 'LATAM: 60–80 lost callbacks a week; ~25 % of those customers complain later.',
    categoryKey: 'tools',
    raisedBy: C.LATAM,
    daysAgo: 36,
    supports: [
      { by: C.IBER, daysAgo: 30 },
    ],
    comments: [
      { by: C.IBER, daysAgo: 29, body: 'We had the same bug in Iberia after the telephony migration. The fix was a setting on the callback queue ("retain after closing hours"). Ask your telephony admin for it.' },
      { by: C.LATAM, daysAgo: 27, body: '¡Gracias! Found the setting and switched it on for Mexico. Colombia and Chile use a different instance; checking those next week.' },
    ],
  },
  {
    key: 'crm-session-timeout',
    title: 'Agents logged out of the CRM every 30 minutes',
    description: `Since the single sign-on change, agents are logged out of the CRM after 30 minutes, even in the middle of a call. Unsaved notes are lost, and customers wait on hold while the agent logs in again.`,
    evidence: 'Nordics: ~40 reports of lost notes a day in the first week.',
    categoryKey: 'tools',
    raisedBy: C.FAC,
    daysAgo: 105,
    supports: [
      { by: C.DACH, daysAgo: 104 },
      { by: C.IBER, daysAgo: 103 },
      { by: C.UKI, daysAgo: 103 },
      { by: C.SEA, daysAgo: 100 },
    ],
    comments: [
      { by: C.DACH, daysAgo: 104, body: 'Same in DACH since Monday. Agents now copy their notes into a text editor before saving, which is not great for data protection.' },
      { by: C.UKI, daysAgo: 102, body: 'IT incident INC-19870 is open for all regions: the session lifetime was set to 30 minutes instead of 8 hours.' },
      { by: C.FAC, daysAgo: 99, body: 'IT rolled out the fix last night; the session lifetime is back to 8 hours. Please report here if it happens again.' },
      { by: C.FAC, daysAgo: 90, body: 'No new reports for over a week. Closing.' },
    ],
    status: 'CLOSED',
  },
  {
    key: 'chatbot-no-handoff',
    title: 'Chatbot loops customers without handing over to an agent',
    description: `The new help-centre chatbot handles order-status questions well, but for anything else it keeps suggesting FAQ articles. There is no "talk to a person" option until the customer has rephrased the question three times.

Customers then reach the live chat already frustrated, or give up and call.`,
    evidence: 'SEA: chatbot satisfaction 2.1 / 5; 30 % of phone contacts mention the chatbot first.',
    categoryKey: 'tools',
    raisedBy: C.SEA,
    daysAgo: 10,
    supports: [
      { by: C.LATAM, daysAgo: 8 },
      { by: C.NAE, daysAgo: 6 },
    ],
    comments: [
      { by: C.NAE, daysAgo: 6, body: 'NAE sees the same. The vendor says the hand-over threshold is configurable per region; we set it to one failed answer as a test yesterday.' },
    ],
  },
];

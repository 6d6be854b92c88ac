// Phần bản tóm tắt hồ sơ của danh mục tiếng Việt (xem brief/en.ts).
import type { BriefCatalog } from '../types.js';

export const viBrief: BriefCatalog = {
  brief: {
    kind: 'Bản tóm tắt hồ sơ',
    documentTitle: 'Bản tóm tắt hồ sơ: {{title}}',
    meta: 'Đề xuất của {{author}}, phiên bản {{version}}',
    submitted: 'trình lên ngày {{date}}',
    status: 'Trạng thái: {{status}}',
    sections: {
      problem: 'Vấn đề',
      regions: 'Các khu vực bị ảnh hưởng',
      vote: 'Kết quả bỏ phiếu',
      discussion: 'Các ý chính trong thảo luận',
      referrals: 'Câu trả lời từ các phòng ban khác',
      change: 'Thay đổi',
      impact: 'Tác động dự kiến',
    },
    problem: {
      raisedBy: '{{name}} nêu ra tại {{region}} ngày {{date}}.',
      evidence: 'Bằng chứng',
    },
    regions: {
      summary: '{{count}} trên {{total}} khu vực',
      origin: 'nơi nêu vấn đề',
      supporters_one: '{{count}} người ủng hộ',
      supporters_other: '{{count}} người ủng hộ',
      note: '“{{note}}” — {{author}}',
      detail: '({{detail}})',
    },
    vote: {
      counts: 'Tán thành {{for}} · Phản đối {{against}} · Không ý kiến {{abstain}}',
      quorumReached: 'Đạt túc số: {{voted}} trên {{total}} khu vực đã bỏ phiếu (cần {{quorum}}).',
      quorumMissed: 'Chưa đạt túc số: {{voted}} trên {{total}} khu vực đã bỏ phiếu (cần {{quorum}}).',
      threshold: '{{share}} số phiếu tán thành hoặc phản đối là tán thành (cần trên {{threshold}}).',
      passing: 'Đề xuất được thông qua.',
      failing: 'Đề xuất không được thông qua.',
      reasons: 'Lý do được nêu',
      noReasons: 'Không ai nêu lý do.',
      choice: '{{choice}}:',
      reasonLine: '“{{reason}}” — {{voter}}, {{region}}',
      moreReasons_one: '… và {{count}} lý do khác trên trang của đề xuất.',
      moreReasons_other: '… và {{count}} lý do khác trên trang của đề xuất.',
    },
    discussion: {
      selection: 'Bình luận mới nhất của mỗi khu vực, mới nhất trước (tối đa {{max}}).',
      onIssue: 'về vấn đề',
      onProposal: 'về đề xuất',
      none: 'Chưa có ai bình luận.',
    },
    referrals: {
      none: 'Chưa có phòng ban nào khác trả lời câu hỏi về vấn đề này.',
      questionLine: 'Câu hỏi: {{question}}',
      answerLine: 'Câu trả lời: {{answer}}',
      by: '({{who}})',
      answeredBy: '{{name}}, {{date}}',
    },
    change: {
      current: 'Chính sách hiện hành',
      proposed: 'Chính sách đề xuất',
      rationale: 'Lý do',
    },
    impact: {
      none: 'Đề xuất không nêu tác động dự kiến.',
    },
    page: {
      open: 'Bản tóm tắt hồ sơ',
      back: 'Quay lại đề xuất',
      backToDecision: 'Quay lại phần quyết định',
      print: 'In',
      download: 'Tải xuống dạng Markdown',
      loading: 'Đang tải bản tóm tắt hồ sơ…',
    },
    message: {
      submitted: '“{{title}}” đã được trình lên ban lãnh đạo để bạn quyết định.',
    },
    mail: {
      summary: 'Tóm tắt hồ sơ',
      problem: 'Vấn đề',
      regions: 'Các khu vực bị ảnh hưởng',
      vote: 'Bỏ phiếu',
      impact: 'Tác động dự kiến',
      decide: 'Quyết định',
      brief: 'Đọc và in bản tóm tắt hồ sơ',
    },
  },
};

// Duplicates part of the Vietnamese catalog (keys as in ./en.ts).
import type { DuplicatesCatalog } from '../types.js';

export const viDuplicates: DuplicatesCatalog = {
  duplicates: {
    mergedNotes: {
      heading: 'Cũng đã nói ở các bản trùng đã gộp',
      lead: 'Những người được tính một lần ở đây và cũng đã ủng hộ một bản trùng được gộp vào vấn đề này, cùng điều họ đã viết ở đó.',
      on: 'Ở “{{title}}”',
    },
    message: {
      merged: '“{{title}}” đã được gộp vào “{{into}}”: sự ủng hộ và bình luận của bạn giờ nằm ở đó.',
      unmerged: 'Việc gộp “{{title}}” đã được hoàn tác: nó lại là một vấn đề riêng, cùng sự ủng hộ và bình luận của bạn.',
    },
    errors: {
      notMerged: 'Vấn đề này không được gộp vào vấn đề nào khác, nên không có lần gộp nào để hoàn tác.',
      targetMerged: 'Vấn đề mà nó được gộp vào sau đó đã được gộp vào một vấn đề khác. Hãy hoàn tác lần gộp đó trước.',
    },
    similar: {
      heading: 'Có phải một trong những vấn đề này?',
      lead: 'Những vấn đề đang mở này giống vấn đề của bạn. Nếu một trong số đó là vấn đề của bạn, hãy ủng hộ nó thay vì nêu lại.',
      found_one: '{{formatted}} vấn đề đang mở tương tự',
      found_other: '{{formatted}} vấn đề đang mở tương tự',
      none: 'Chưa có vấn đề đang mở nào tương tự.',
      regions: 'Khu vực: {{regions}}',
      supportIt: 'Đây cũng là vấn đề của chúng tôi',
      supporting: 'Đang thêm khu vực của bạn…',
      alreadyAffected: 'Khu vực của bạn đã được tính',
      useNote: 'Thêm phần mô tả của tôi làm ghi chú của chúng tôi',
      supported: 'Khu vực của bạn hiện ủng hộ “{{title}}”. Không có vấn đề mới nào được nêu.',
    },
    list: {
      link: 'Có thể trùng lặp',
      title: 'Vấn đề có thể trùng lặp',
      lead: 'Các vấn đề đang mở giống nhau, giống nhất ở trên cùng. Khi gộp, mọi lượt ủng hộ, ghi chú và bình luận đều được giữ lại, và có thể hoàn tác.',
      loading: 'Đang tìm vấn đề trùng lặp…',
      none: 'Không có vấn đề nào có thể trùng lặp trong các vấn đề đang mở.',
      alike: 'Giống nhau {{percent}}',
      keep: 'Giữ lại',
      mergeAway: 'Gộp vào vấn đề này',
      merge: 'Gộp',
      merged: '“{{from}}” đã được gộp vào “{{into}}”.',
      undo: 'Hoàn tác',
      pairLabel: '“{{duplicate}}” và “{{issue}}”',
    },
    unmerge: {
      heading: 'Gộp nhầm?',
      lead: 'Khi hoàn tác việc gộp, vấn đề này lấy lại trạng thái, những người ủng hộ cùng ghi chú của họ và các bình luận.',
      button: 'Hoàn tác gộp',
      confirm: 'Hoàn tác việc gộp “{{from}}” vào “{{into}}”?',
      consequence: 'Hai vấn đề lại được tính riêng. Các lượt ủng hộ và bình luận được thêm vào “{{into}}” từ khi gộp vẫn ở đó.',
      confirmButton: 'Hoàn tác gộp',
      undoing: 'Đang hoàn tác…',
      done: 'Đã hoàn tác việc gộp: vấn đề này lại mở riêng.',
    },
  },
};

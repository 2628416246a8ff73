// The field record form. Checking an item opens its checklist, and answering a line checks its item (a tap on the
// label inside <summary> does not open the <details> by itself).
(function () {
  document.querySelectorAll('#checklist details').forEach(function (details) {
    var item = details.querySelector('input[name="items"]');
    if (!item) {
      return;
    }
    item.addEventListener('change', function () {
      if (item.checked) {
        details.open = true;
      }
    });
    details.querySelectorAll('input[type="radio"]').forEach(function (radio) {
      radio.addEventListener('change', function () {
        item.checked = true;
      });
    });
  });
})();
// The signature pad: draw with a finger, stylus or mouse on the canvas; on submit the drawing goes as a PNG data URL in
// the hidden field "signature" (checked by content on the server like every upload).
(function () {
  var canvas = document.getElementById('signature-pad');
  var field = document.getElementById('signature');
  if (!canvas || !field) {
    return;
  }
  var ctx = canvas.getContext('2d');
  var drawing = false;
  var drawn = false;
  ctx.lineWidth = 3;
  ctx.lineCap = 'round';
  ctx.strokeStyle = '#111';

  function point(e) {
    var r = canvas.getBoundingClientRect();
    return { x: (e.clientX - r.left) * canvas.width / r.width, y: (e.clientY - r.top) * canvas.height / r.height };
  }

  canvas.addEventListener('pointerdown', function (e) {
    drawing = true;
    canvas.setPointerCapture(e.pointerId);
    var p = point(e);
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
    ctx.lineTo(p.x + 0.1, p.y + 0.1);
    ctx.stroke();
    drawn = true;
    e.preventDefault();
  });
  canvas.addEventListener('pointermove', function (e) {
    if (!drawing) {
      return;
    }
    var p = point(e);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
    e.preventDefault();
  });
  ['pointerup', 'pointercancel', 'pointerleave'].forEach(function (type) {
    canvas.addEventListener(type, function () { drawing = false; });
  });
  var clear = document.getElementById('signature-clear');
  if (clear) {
    clear.addEventListener('click', function () {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      drawn = false;
      field.value = '';
    });
  }
  var form = canvas.closest('form');
  if (form) {
    form.addEventListener('submit', function () {
      field.value = drawn ? canvas.toDataURL('image/png') : '';
    });
  }
})();
